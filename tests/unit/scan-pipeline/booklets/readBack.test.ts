import { printBooklets } from '../../../../plugins/scan-pipeline/lib/booklets/printBooklets.js'
import { analyzePages, planWithCodes } from '../../../../plugins/scan-pipeline/lib/index.js'
import { bookletSubject, scanPrinted } from '../../../../tools/papers/booklets/index.js'

// Printed, scanned (150 dpi JPEG, sideways and upside down, shuffled) and read back through the real page
// analysis: the codes are read on its own raster, and decide copy, page order, A3 half and rotation.
describe('prepared booklets read back from a scan', () => {
  it('puts A3 booklet halves fed in any of the four directions back in order and upright', async () => {
    const subject = await bookletSubject({ pageCount: 4 })
    const printed = await printBooklets({ examId: 'a1b2', title: 'Contrôle', subject, copies: [{ copyNo: 1, student: { lastName: 'Durand', firstName: 'Léa' } }, { copyNo: 2 }], layout: 'a3' })
    const scan = await scanPrinted({ printed, seed: 5, sideways: 0.5, flips: 0.5 })
    expect(new Set(scan.pages.map((p) => p.rotation)).size).toBeGreaterThanOrEqual(3)
    const analyses = await analyzePages({ bytes: scan.bytes, fileName: 'scan.pdf', concurrency: 0 })
    expect(analyses.every((a) => a.codes?.length === 2)).toBe(true)
    const plan = planWithCodes({ examId: 'a1b2', analyses, fileName: 'scan.pdf' })
    expect(plan.copies.map((c) => c.booklet)).toEqual([{ examId: 'a1b2', copyNo: 1 }, { examId: 'a1b2', copyNo: 2 }])
    for (const [i, copy] of plan.copies.entries()) {
      expect(copy.anomalies).toEqual([])
      expect(copy.pages.map((p) => p.subjectPage)).toEqual([1, 2, 3, 4])
      // sheet 1 of a booklet carries pages 4 | 1, sheet 2 pages 2 | 3 (printed pages 2i+1, 2i+2)
      const sheetOf = (page: number) => scan.pages[page - 1]!.printedPage
      expect(copy.pages.map((p) => sheetOf(p.sourcePage))).toEqual([2 * i + 1, 2 * i + 2, 2 * i + 2, 2 * i + 1])
      for (const p of copy.pages) expect(p.rotation).toBe(scan.pages[p.sourcePage - 1]!.rotation)
      // the two halves of one sheet are its two regions
      expect(new Set(copy.pages.map((p) => `${p.sourcePage}:${p.region}`)).size).toBe(4)
    }
  }, 60_000)
})
