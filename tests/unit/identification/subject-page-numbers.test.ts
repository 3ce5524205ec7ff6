import { ingestPreset, truthKey, type IngestRun } from '../../../bench/designs/pipeline'
import { footerOfPage, pageNumberFooter, readCopyOrder, sheetKeys, type FooterForm } from '../../../plugins/identification/lib/pageNumbers/index'
import { batchForm } from '../../../plugins/identification/lib/pipeline/readCopies'
import { openHeaderReaders, type HeaderReaders } from '../../../plugins/identification/services/engines'
import { inspectScan, openAssembler } from '../../../plugins/scan-pipeline/lib/index'

// Page numbers students write freely ("3/8" anywhere in the foot) on paper cut with the exam's subject. The
// subject's footer was never used for them (its pages may print their own folio, "2/4", which its first page's
// foot does not take away), so copies doubles cut on their subject were joined on names alone: a student's
// unnamed second sheet stayed a copy of its own. Each subject page's foot now is the print taken away from the
// pages that matched it.

let readers: HeaderReaders
beforeAll(async () => {
  readers = await openHeaderReaders()
}, 120_000)
afterAll(async () => {
  await readers?.terminate()
})

/** Every page's written number read with the subject's footers, against the truth. */
const readWithSubject = async (run: IngestRun, footer: FooterForm, pieces = run.plan.copies) => {
  const skew = new Map(run.analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  const assembler = await openAssembler({ sourceBytes: run.bytes, skewOf: (p) => skew.get(p) ?? 0 })
  const truth = new Map<string, { n: number; total: number } | undefined>(run.truth.copies.flatMap((c) => c.pages.map((p) => [`${p.source_page}:${p.region}`, p.written] as const)))
  const info = await inspectScan({ bytes: run.bytes, fileName: 'batch.pdf' })
  const tally = { written: 0, right: 0, wrong: 0, read: 0 }
  for (const copy of pieces) {
    const { sheetOf, sideOf } = sheetKeys(copy.pages)
    const footers = copy.pages.map((p) => footerOfPage({ footer, subjectPage: p.subjectPage }))
    const { numbers } = await readCopyOrder({ pdf: await assembler.assemble(copy.pages), footers, blank: copy.pages.map((p) => p.blank), sheets: sheetOf, sides: sideOf, engines: readers.engines })
    copy.pages.forEach((page, k) => {
      const expected = truth.get(truthKey({ info, page }))
      const got = numbers[k]
      if (got) tally.read++
      if (!expected) return
      tally.written++
      if (got?.n === expected.n && got.total === expected.total) tally.right++
      else if (got) tally.wrong++
    })
  }
  return tally
}

const subjectFooter = async (run: IngestRun) => {
  const form = await batchForm({ subject: run.subject, pages: [], readers })
  return pageNumberFooter({ form: form!, laterFeet: async () => [] })
}

describe('page numbers written freely on paper cut with its subject', () => {
  it('are read on copies doubles, each page against the subject page it matched', async () => {
    const run = await ingestPreset({ name: 'copie-double-a3-mini', withSubject: true })
    expect(run.plan.model.boundary).toBe('subject')
    const footer = await subjectFooter(run)
    expect(footer?.free).toBe(true)
    expect(footer?.bySubjectPage).toHaveLength(4)
    const { written, right, wrong } = await readWithSubject(run, footer!)
    // measured: 6 of the 17 numbers written read right, 1 wrong (a loose sheet's "9/9" read "4/9"); none before
    expect(written).toBeGreaterThanOrEqual(12)
    expect(right).toBeGreaterThanOrEqual(5)
    expect(wrong).toBeLessThanOrEqual(1)
  }, 300_000)

  it('reads the slash a student writes as a slash, even where the recogniser sees a 1', async () => {
    // "5/8" read "518" was "5/18": two students' second sheets (pieces 18 and 20 of this class) took a count of 18
    // or 19 and joined no other piece. Measured on pieces 16–21: 8 of their 22 written numbers right and 7 wrong before,
    // 15 right and none wrong now (on the whole class 77 right and 18 wrong of 155 before, 94 and 8 now).
    const run = await ingestPreset({ name: 'copie-double-a3', withSubject: true })
    const { written, right, wrong } = await readWithSubject(run, (await subjectFooter(run))!, run.plan.copies.slice(16, 22))
    expect(written).toBeGreaterThanOrEqual(20)
    expect(right).toBeGreaterThanOrEqual(13)
    expect(wrong).toBeLessThanOrEqual(1)
  }, 600_000)

  it('takes each subject page’s printed folio away, not the first page’s', async () => {
    // one-line papers print "2/4" at the foot of the subject's page 2, and these students number no page
    const run = await ingestPreset({ name: 'one-line-a4-mini', withSubject: true })
    const footer = (await subjectFooter(run))!
    const { written, read } = await readWithSubject(run, footer)
    expect(written).toBe(0)
    expect(read).toBe(0)
    // the same pages, every one against the subject's first page: the others' printed folios are read as written
    const firstOnly = { ...footer, bySubjectPage: footer.bySubjectPage!.map(() => footer.bySubjectPage![0]!) }
    expect((await readWithSubject(run, firstOnly)).read).toBeGreaterThan(0)
  }, 300_000)
})

describe('footerOfPage', () => {
  const foot = (id: number): FooterForm => ({ image: { raw: new Uint8Array([id]), width: 1, height: 1, widthPt: 1, heightPt: 1, dpi: 150 }, mask: { width: 1, height: 1, data: new Uint8Array(1) }, spot: { x0: 0, y0: 0, x1: 1, y1: 1 }, free: true })
  it('gives a page its subject page’s footer, none when it matched none, and a batch’s one footer to every page', () => {
    const pages = [foot(1), foot(2), foot(3)]
    const bySubject = { ...pages[0]!, bySubjectPage: pages }
    expect(footerOfPage({ footer: bySubject, subjectPage: 2 })).toBe(pages[1])
    expect(footerOfPage({ footer: bySubject, subjectPage: undefined })).toBeUndefined()
    expect(footerOfPage({ footer: bySubject, subjectPage: 9 })).toBeUndefined()
    expect(footerOfPage({ footer: pages[2], subjectPage: undefined })).toBe(pages[2])
    expect(footerOfPage({ footer: undefined, subjectPage: 1 })).toBeUndefined()
  })
})
