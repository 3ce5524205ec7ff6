import { assembleCopyPages } from '../../../plugins/identification/lib/pages/assemble'
import type { CopyPage } from '../../../plugins/identification/lib/pages/index'
import { openHeaderReaders } from '../../../plugins/identification/services/engines'
import { openFormCache } from '../../../plugins/identification/services/forms'
import { mergeFragments } from '../../../plugins/identification/services/mergeFragments'
import { orderWrittenPages } from '../../../plugins/identification/services/orderWrittenPages'
import { processScan } from '../../../plugins/scan-pipeline/lib/index'
import { getScenario } from '../../../tools/papers/index'
import { startTestApp, type TestApp } from '../helpers/app'

// Issue 18: a student's copy made of several copies doubles comes back with its sheets in the order the
// student numbered its pages ("n / N" in the official sheet's footer), and the pages no sheet carries are
// named. Jobs are off: the copies are made from the copier scan as ingestion and the join would leave
// them, then the identification step that orders pages runs on them with the real OCR.

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
}, 300_000)
afterAll(async () => app?.close(), 120_000)

describe('pages put in the written order', () => {
  it('reorders sheets scanned out of order, names the missing pages, keeps a copy a person edited as it is', async () => {
    const { payload } = app.runtime
    const scenario = await getScenario('copier-mock-bac')
    const main = scenario.batches[0]!
    const subject = await payload.create({ collection: 'media', overrideAccess: true, data: { kind: 'subject' } as never, file: { data: Buffer.from(scenario.subject), mimetype: 'application/pdf', name: 'sujet.pdf', size: scenario.subject.length } })
    const exam = await payload.create({ collection: 'exams', overrideAccess: true, data: { title: 'Bac blanc', layout: 'auto', blankSubject: subject.id } as never })
    const batch = await payload.create({ collection: 'scan-batches', overrideAccess: true, data: { exam: exam.id } as never, file: { data: Buffer.from(main.bytes), mimetype: 'application/pdf', name: main.fileName, size: main.bytes.length } })
    // As if ingestion had cut it on the subject: identification then reads against the subject's print.
    await payload.update({ collection: 'scan-batches', id: batch.id, overrideAccess: true, data: { cutOn: { boundary: 'subject', subject: subject.id } } as never })

    // The sheets as ingestion cuts them (one piece per sheet: each front carries the header). Cut without
    // the subject: with it, this A3 scan stored with /Rotate 270 is cut on the wrong halves today (issue 11).
    const sheets: CopyPage[][] = []
    const { analyses } = await processScan({ bytes: main.bytes, fileName: main.fileName, onCopy: ({ copy }) => void sheets.push(copy.pages.map((p) => ({ batch: batch.id, sourcePage: p.sourcePage, region: p.region, rotation: p.rotation, blank: p.blank }))) })
    const sheetsOf = (t: number) => {
      const mine = new Set(main.truth.copies[t]!.pages.map((p) => p.source_page))
      return sheets.filter((sheet) => mine.has(sheet[0]!.sourcePage))
    }
    // Copy 8 of the scenario: two sheets, pages 1–8. Copy 3: pages 5–8 never scanned.
    const [first, second] = sheetsOf(8)
    expect(second).toBeDefined()
    // in the written order: the scan's order of its sheets (checked against the truth's source pages)
    const written = [...first!, ...second!]
    expect(written.map((p) => p.sourcePage)).toEqual(main.truth.copies[8]!.pages.map((p) => p.source_page))
    const copyOf = async ({ key, pages }: { key: string; pages: CopyPage[] }) => {
      // straightened as ingestion assembles copies
      const skew = new Map(analyses.map((a) => [a.sourcePage, a.skewDegrees]))
      const bytes = await assembleCopyPages({ sources: new Map(pages.map((p) => [String(p.batch), main.bytes])), pages, skewOf: (p) => skew.get(p.sourcePage) ?? 0 })
      const copy = await payload.create({ collection: 'copies', overrideAccess: true, data: { exam: exam.id, status: 'staging', sourceKey: key, pages, identification: { status: 'needs_review', readings: { fields: {}, located: 'labels', form: 'subject' } } } as never })
      const media = await payload.create({ collection: 'media', overrideAccess: true, data: { kind: 'copy-pdf', exam: exam.id, copy: copy.id } as never, file: { data: Buffer.from(bytes), mimetype: 'application/pdf', name: `copy-${key}.pdf`, size: bytes.length } })
      return payload.update({ collection: 'copies', id: copy.id, overrideAccess: true, data: { pdf: media.id } as never })
    }
    const swapped = await copyOf({ key: 'swapped', pages: [...second!, ...first!] })
    const lacking = await copyOf({ key: 'lacking', pages: sheetsOf(3).flat() })
    const edited = await copyOf({ key: 'edited', pages: [...second!, ...first!] })
    // A person put this copy's pages in this order at the desk: that decision stands.
    await payload.create({ collection: 'identification-decisions' as never, overrideAccess: true, data: { exam: exam.id, copy: edited.id, action: 'reorder', method: 'manual' } as never })

    let opened: Awaited<ReturnType<typeof openHeaderReaders>> | undefined
    const readers = async () => (opened ??= await openHeaderReaders())
    const closeReaders = async () => {
      const open = opened
      opened = undefined
      await open?.terminate()
    }
    const forms = openFormCache({ payload, exam, readers, copies: [] })
    try {
      const { reordered } = await orderWrittenPages({ payload, examId: exam.id, formForBatch: forms.formForFooter, engines: async () => (await readers()).engines })
      expect(reordered).toBe(1)
    } finally {
      await closeReaders()
    }

    const now = async (id: number | string) => (await payload.findByID({ collection: 'copies', id, depth: 0, overrideAccess: true })) as any
    const pagesOf = (copy: any) => copy.pages.map((p: any) => `${p.sourcePage}${p.region}`)
    const afterSwap = await now(swapped.id)
    expect(pagesOf(afterSwap)).toEqual(written.map((p) => `${p.sourcePage}${p.region}`))
    // the same copy's writing: its reading stays, a new PDF in the new order, the decision logged
    expect(afterSwap.identification.status).toBe('needs_review')
    expect(afterSwap.pdf).not.toBe(swapped.pdf)
    expect(afterSwap.anomalies ?? []).toEqual([])
    const log = await payload.find({ collection: 'identification-decisions' as never, where: { copy: { equals: swapped.id } }, overrideAccess: true })
    expect(log.docs.map((d: any) => [d.action, d.method])).toEqual([['reorder', 'auto']])

    const afterLack = await now(lacking.id)
    expect(pagesOf(afterLack)).toEqual(pagesOf(lacking))
    expect(afterLack.anomalies).toEqual(['Written page numbers: pages 5, 6, 7, 8 of 12 are missing'])

    expect(pagesOf(await now(edited.id))).toEqual(pagesOf(edited))

    // Read once: a second run finds nothing new to read or move.
    expect((await orderWrittenPages({ payload, examId: exam.id, formForBatch: forms.formForBatch, engines: async () => [] })).reordered).toBe(0)

    // A student's two sheets cut apart and named by nobody (a hand the OCR cannot read): once their numbers are
    // read, the second carries on from the first (5 to 8 of 8 after 1 to 4), so they are one copy.
    const exam2 = await payload.create({ collection: 'exams', overrideAccess: true, data: { title: 'Bac blanc 2', layout: 'auto', blankSubject: subject.id } as never })
    const batch2 = await payload.create({ collection: 'scan-batches', overrideAccess: true, data: { exam: exam2.id } as never, file: { data: Buffer.from(main.bytes), mimetype: 'application/pdf', name: main.fileName, size: main.bytes.length } })
    await payload.update({ collection: 'scan-batches', id: batch2.id, overrideAccess: true, data: { cutOn: { boundary: 'subject', subject: subject.id } } as never })
    const inExam2 = async (key: string, pages: CopyPage[]) => {
      const copy = await copyOf({ key, pages: pages.map((p) => ({ ...p, batch: batch2.id })) })
      return payload.update({ collection: 'copies', id: copy.id, overrideAccess: true, data: { exam: exam2.id } as never })
    }
    const [sheet1, sheet2] = [await inExam2('sheet-1', first!), await inExam2('sheet-2', second!)]
    const forms2 = openFormCache({ payload, exam: { blankSubject: subject.id }, readers, copies: [] })
    try {
      expect((await orderWrittenPages({ payload, examId: exam2.id, formForBatch: forms2.formForFooter, engines: async () => (await readers()).engines })).numbered).toBe(2)
    } finally {
      await closeReaders()
    }
    expect(((await now(sheet2.id)).identification.readings.pageOrder.numbers as (number | null)[]).filter((n) => n !== null && n > 4).length).toBeGreaterThanOrEqual(2)
    expect(await mergeFragments({ payload, examId: exam2.id, students: [] })).toBe(1)
    expect(pagesOf(await now(sheet1.id))).toEqual(written.map((p) => `${p.sourcePage}${p.region}`))
    expect(await payload.findByID({ collection: 'copies', id: sheet2.id, overrideAccess: true, disableErrors: true })).toBeNull()
    const joins = await payload.find({ collection: 'identification-decisions' as never, where: { copy: { equals: sheet1.id }, action: { equals: 'merge' } }, overrideAccess: true })
    expect(joins.docs.map((d: any) => d.details.reason)).toEqual(['the page numbers written on the pieces follow each other'])
  }, 600_000)
})
