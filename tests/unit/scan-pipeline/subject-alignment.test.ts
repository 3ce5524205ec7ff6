import { ingestPreset, scoreIngestion } from '../../../bench/designs/pipeline'
import type { PresetName } from '../../../tools/papers/index'

// Issue 11, with the blank subject: every scanned side was aligned once on the union of the subject's pages. On
// ruled paper the pages carry rules at different heights, and that union fit could put page 3's rules on a first
// page's, scaled by 0.92 and shifted, with its header falling on nothing: the first page was read as no page
// and its copy joined the one before. A template that explains the side far better aligned by its own print now
// gives the side its alignment. Found on one-line-a4 drawn with --seed 2 (18 of 26 copies exact before); the
// corner-box class was never looked at while it was built (23 of 26 before).
describe('the subject aligned page by page', () => {
  it.each<[PresetName, number]>([
    ['one-line-a4', 2],
    ['corner-box-a4', 0],
  ])('finds every first page: %s (seed +%i), every copy exact and upright', async (name, seedOffset) => {
    const run = await ingestPreset({ name, withSubject: true, seedOffset })
    expect(run.plan.model.boundary).toBe('subject')
    const score = await scoreIngestion(run)
    expect(score.wrong).toEqual([])
    expect(score.exactCopies).toBe(score.copies)
  }, 300_000)
})
