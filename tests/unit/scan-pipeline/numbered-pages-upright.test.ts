import { ingestPreset, scoreIngestion } from '../../../bench/designs/pipeline'

// Issue 11: an official exam sheet's inner pages are often left empty but for the page number written in the box
// at their foot. The page analysis read ink low on a page as a page written from the bottom (turned), and the
// print learned from the batch, nearly the same both ways up on a ruled page, did not overrule it.
describe('pages with nothing written but their number', () => {
  it('come out the way their print says, without a subject to go by', async () => {
    const run = await ingestPreset({ name: 'official-a4-mini', withSubject: false })
    const numbered = run.truth.copies.flatMap((c) => c.pages.filter((p) => p.written))
    expect(numbered.length).toBeGreaterThan(10)
    const score = await scoreIngestion(run)
    expect(score.wrong.filter((w) => w.includes('rotation'))).toEqual([])
    expect(score.rotationCorrect).toBe(score.pages)
  }, 300_000)
})
