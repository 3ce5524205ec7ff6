import { fragmentsOf, ingestPreset, scoreIngestion } from '../../../bench/designs/pipeline'
import type { PresetName } from '../../../tools/papers/index'

// Issue 11: classes whose page 2 opens on a printed table where the first page has its header. Learned without the
// subject, "any other page" was only the print all later pages share; a page 2 full of writing explained the first
// page's print better than that and started a copy of its own, cutting its first page off. The print of the page
// that follows a first page is learned too, and a side it explains at least as well as the first page's print
// starts no copy. Found on framed-a4 drawn with --seed 3 (6 such starts; 5 since: the rest is a print's point
// found in a dense hand, which still counts); the two classes below were never looked at while it was built.
// Before: the held-out fonts on framed A4 61.5 % of copies exact, corner-box A4 drawn with --seed 2 96.2 %.
// framed A4 drawn with --seed 10: that print learned aligned on the first page's own, where the table of a page 2 lands
// a few pixels off on each, kept 174 pixels of it, and three pages 2 started copies (88.5 % exact); learned with the
// pages 2 aligned on one another and each side aligned on it its own way, every copy.
describe('the page after a first page, learned from the batch', () => {
  it.each<[PresetName, number]>([
    ['framed-a4-heldout', 0],
    ['corner-box-a4', 2],
    ['framed-a4', 10],
  ])('continues its copy: %s (seed +%i), every copy exact', async (name, seedOffset) => {
    const run = await ingestPreset({ name, withSubject: false, seedOffset })
    expect(run.plan.model.boundary).toBe('learned-template')
    const starts = new Set(fragmentsOf(run.truth).copies.map((c) => c.pages[0]!.source_page))
    expect(run.plan.copies.map((c) => c.pages[0]!.sourcePage).filter((p) => !starts.has(p))).toEqual([])
    const score = await scoreIngestion(run)
    expect(score.exactCopies).toBe(score.copies)
  }, 300_000)
})
