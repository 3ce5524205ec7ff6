import { ingestPreset, scoreIngestion, type IngestRun } from '../../../bench/designs/pipeline'

// Issue 11: plain paper (copies doubles) cut on where students write. A copy's first page has the name at the top
// and nothing above its answers; a student's next sheet has no name and its answers may start as low. Scored cell
// by cell, the empty top of that next sheet counted once per empty cell and outweighed the missing name: every
// front of the batch started a copy, each student's later sheets cut off from their copy.

/** What a cut of the generated copies doubles must get right, whatever it was cut on. */
const expectStudentsKeptWhole = (run: IngestRun) => {
  const copyOf = new Map(run.plan.copies.flatMap((c, i) => c.pages.map((p) => [p.sourcePage, i] as const)))
  const startsOf = new Set(run.plan.copies.map((c) => c.pages[0]!.sourcePage))

  // every side where a student wrote their name starts a copy: two students are never one copy
  const named = run.truth.copies.flatMap((c) => [...new Set(c.identityZones.map((z) => z.page))].map((k) => c.pages[k]!.source_page))
  expect(named.length).toBeGreaterThan(30)
  expect(named.filter((page) => !startsOf.has(page))).toEqual([])

  // a later sheet with no name on it stays with the sheet before it (2 of 13 did before)
  const carriedOn = run.truth.copies.flatMap((c) => {
    const withName = new Set(c.identityZones.map((z) => z.page))
    return c.pages.flatMap((p, k) => (k > 0 && k % 2 === 0 && !withName.has(k) ? [{ page: p.source_page, before: c.pages[k - 1]!.source_page }] : []))
  })
  expect(carriedOn.length).toBeGreaterThanOrEqual(8)
  const kept = carriedOn.filter(({ page, before }) => copyOf.get(page) === copyOf.get(before))
  expect(kept.length / carriedOn.length).toBeGreaterThanOrEqual(0.9)

  // a copy whose student wrote no name has nothing to start on: where it joins the copy before, the desk is told
  const unnamed = run.truth.copies.filter((c) => c.identityZones.length === 0).map((c) => c.pages[0]!.source_page)
  expect(unnamed.length).toBeGreaterThan(0)
  for (const page of unnamed.filter((p) => !startsOf.has(p))) {
    expect(run.plan.copies[copyOf.get(page)!]!.anomalies.join(' ')).toContain(`page ${page} might start another copy`)
  }
}

describe('plain paper cut on the layout of the writing', () => {
  it('starts a copy at every written name and keeps a student’s unnamed sheets in their copy', async () => {
    const run = await ingestPreset({ name: 'copie-double-a4', withSubject: false })
    expect(run.plan.model.boundary).toBe('handwriting-layout')
    expectStudentsKeptWhole(run)
  }, 300_000)

  it('does the same when the exam’s subject is blank paper printed alike on every page', async () => {
    // The subject's two pages (a sheet's front and back) said every front was page 1, so every sheet a copy.
    const run = await ingestPreset({ name: 'copie-double-a4', withSubject: true })
    expect(run.plan.model.boundary).toBe('handwriting-layout')
    expectStudentsKeptWhole(run)
    // a subject whose print tells its pages apart is still what the batch is cut on
    expect((await ingestPreset({ name: 'one-line-a4-mini', withSubject: true })).plan.model.boundary).toBe('subject')
  }, 300_000)

  it('learns no printed first page from where students write on folded A3 copies doubles', async () => {
    // Every student writes on the same first rules: the pages' ink piles up there, never on the same pixels, and
    // that ghost of the writing was learned as a printed first page. The cut then went by it and paired each sheet's
    // back with the next sheet's front (43 % of the copies exact, and none on the class drawn with --seed 1).
    const run = await ingestPreset({ name: 'copie-double-a3', withSubject: false })
    expect(run.plan.model.boundary).toBe('handwriting-layout')
    const score = await scoreIngestion(run)
    expect(score.exactCopies / score.copies).toBeGreaterThanOrEqual(0.8)
    // a folded sheet's front and back (a spread each, scanned one after the other) are one copy's
    const copyOf = new Map(run.plan.copies.flatMap((c, i) => c.pages.map((p) => [p.sourcePage, i] as const)))
    const sheets = run.truth.copies.flatMap((c) => {
      const spreads = [...new Set(c.pages.filter((p) => p.region !== 'full').map((p) => p.source_page))].sort((a, b) => a - b)
      const fronts: number[] = []
      for (let k = 0; k + 1 < spreads.length; k++) if (spreads[k + 1] === spreads[k]! + 1) fronts.push(spreads[k++]!)
      return fronts
    })
    expect(sheets.length).toBeGreaterThan(30)
    expect(sheets.filter((front) => copyOf.get(front) !== copyOf.get(front + 1))).toEqual([])
  }, 300_000)

  it('learns where names are written from a batch that opens on a lightly written first page', async () => {
    // The class drawn with --seed 9 opens on a copy whose name is short and low, with no title: the classes learned
    // put it a little below even (−1.0, first pages at +2.2, the other pages at −8), and a learned layout had to
    // hold the batch's first sheet among its first pages, so none was kept. The batch was cut sheet by sheet, each of
    // its 35 copy starts left for a person to confirm.
    const run = await ingestPreset({ name: 'copie-double-a3', withSubject: false, seedOffset: 9 })
    expect(run.plan.model.boundary).toBe('handwriting-layout')
    expect(run.plan.copies.filter((c) => c.evidence.unsure).length).toBeLessThanOrEqual(3)
    const score = await scoreIngestion(run)
    expect(score.exactCopies / score.copies).toBeGreaterThanOrEqual(0.8)
  }, 300_000)
})
