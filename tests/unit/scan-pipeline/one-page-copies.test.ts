import { identifyRun, ingestPreset, scoreIngestion } from '../../../bench/designs/pipeline'
import { openHeaderReaders } from '../../../plugins/identification/services/engines'

// Issue 11: copies of one page (an annex to fill in, a worksheet), with now and then a lined or squared sheet a
// student added. The first page's print is on nearly every sheet, so no print comes "once per copy" among others
// (learnTemplates' group follows itself) and the batch was cut sheet by sheet, every added sheet a copy of its own:
// annex-a4 73.1 % of copies exact drawn with --seed 7; with --seed 8 the writing's layout learned a wrong group of
// "first pages" and cut 33 pages into 9 copies, 0 % exact, 0 named. The print most sheets carry is now the first
// page when the batch's first sheet carries it and some sheets clearly lack it (learn.ts tryCommonPrint): 100 %
// at seeds +7 and +8 (and +0, 92.3 % before). Found on those fresh seeds; seed 0 and the held-out fonts only measured.
// At +12 the first sheet's group was found but a later seed's, a part of it (7 first pages), was learned instead: 12
// copies, 5 of 26 exact. A later seed's group lying within the first sheet's own no longer stands for the first page.
describe('copies of one page with a student’s added sheets', () => {
  it.each([7, 8, 12])('cuts every copy on the print its page carries, the added sheets with it (seed +%i)', async (seedOffset) => {
    const run = await ingestPreset({ name: 'annex-a4', withSubject: false, seedOffset })
    expect(run.plan.model.boundary).toBe('learned-template')
    const score = await scoreIngestion(run)
    expect(score.wrong).toEqual([])
    expect(score.exactCopies).toBe(score.copies)
    expect(score.unsure).toBe(0)
  }, 300_000)

  // With the subject, the class drawn with --seed 8 lost one copy (96.2 %): the writing's layout had learned the added
  // sheets, written from the top, as the "first pages" and the batch's first sheet as another page — inverted. Weighed a
  // quarter beside the subject, it made an added lined sheet (its print 1.1 below "no page of the subject") start a
  // copy. A layout now holds the batch's first written sheet on its first pages' side (a batch starts with a copy).
  it('cuts the class on its subject, the added sheets with their copy: the writing layout learned the right way round', async () => {
    const run = await ingestPreset({ name: 'annex-a4', withSubject: true, seedOffset: 8 })
    expect(run.plan.model.boundary).toBe('subject')
    const score = await scoreIngestion(run)
    expect(score.wrong).toEqual([])
    expect(score.exactCopies).toBe(score.copies)
  }, 300_000)

  it('names the class so cut, no one wrongly', async () => {
    const run = await ingestPreset({ name: 'annex-a4', withSubject: false, seedOffset: 8 })
    const readers = await openHeaderReaders()
    try {
      const score = await identifyRun({ run, readers, withSubject: false })
      expect(score.wrong).toBe(0)
      expect(score.joinsWrong).toBe(0)
      // 25 of 25 named measured; a little room for a machine whose recogniser reads a letter otherwise
      expect(score.auto / score.named).toBeGreaterThanOrEqual(0.85)
      expect(score.complete.incomplete).toEqual([])
    } finally {
      await readers.terminate()
    }
  }, 600_000)
})
