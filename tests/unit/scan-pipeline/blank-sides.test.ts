import { ingestPreset } from '../../../bench/designs/pipeline'

// Issue 11: plain paper cut on where the writing starts (no subject, no print to learn). A copie double's back
// left blank has an empty top band, which the learned layout of first pages scored as a first page (+8, the most
// it gives): each blank back became a copy of its own, cut off from its sheet.
describe('a blank side on plain paper', () => {
  it('starts no copy: it stays with the page before it', async () => {
    const run = await ingestPreset({ name: 'copie-double-a4', withSubject: false })
    expect(run.plan.model.boundary).toBe('handwriting-layout')
    const blanks = run.plan.copies.flatMap((c) => c.pages.filter((p) => p.blank))
    expect(blanks.length).toBeGreaterThan(0)
    // no copy is only blank sides, and no copy starts on one
    expect(run.plan.copies.filter((c) => c.pages[0]!.blank).map((c) => c.pages.map((p) => p.sourcePage))).toEqual([])
    // each blank side follows the page scanned before it in its copy
    for (const c of run.plan.copies) c.pages.forEach((p, i) => p.blank && expect(c.pages[i - 1]?.sourcePage).toBe(p.sourcePage - 1))
  }, 300_000)
})
