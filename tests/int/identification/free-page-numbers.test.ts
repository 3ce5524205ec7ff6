import { ingestPreset, type IngestRun } from '../../../bench/designs/pipeline'
import { assembleCopyPages } from '../../../plugins/identification/lib/pages/assemble'
import type { CopyPage } from '../../../plugins/identification/lib/pages/index'
import { copiesOfExam } from '../../../plugins/identification/services/copies'
import { openHeaderReaders } from '../../../plugins/identification/services/engines'
import { openFormCache } from '../../../plugins/identification/services/forms'
import { mergeFragments } from '../../../plugins/identification/services/mergeFragments'
import { orderWrittenPages } from '../../../plugins/identification/services/orderWrittenPages'
import { identifyExam } from '../../../plugins/identification/services/identifyExam'
import type { PlannedCopy } from '../../../plugins/scan-pipeline/lib/index'
import type { Id } from '../../../shared/ids'
import { startTestApp, type TestApp } from '../helpers/app'

// Issue 11: copies doubles with no printed page-number box. Students number their pages freely in the foot
// ("3/6"); the identification job reads those numbers on paper learned from the batch, and a sheet with no name
// on it joins the sheet before it where its numbers carry on. Jobs are off: the pieces are made one per sheet,
// as ingestion cuts a batch whose sheets it cannot tell apart, the form is learned as the reading step learns
// it, then the page-order step and the join run with the real OCR.

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
}, 300_000)
afterAll(async () => app?.close(), 120_000)

/**
 * Pieces of a generated batch stored as the identification job finds them: a copy each, straightened as ingestion
 * assembles copies, its pages with the subject page each matched (when cut on a subject), read but unnamed;
 * `name` keeps each case's copies' source keys apart (the cases share one database).
 */
const storePieces = async ({ run, exam, batch, pieces, form, name }: { run: IngestRun; exam: Id; batch: Id; pieces: Pick<PlannedCopy, 'pages'>[]; form: 'learned' | 'subject'; name: string }) => {
  const { payload } = app.runtime
  const skew = new Map(run.analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  for (const [k, piece] of pieces.entries()) {
    const pages: CopyPage[] = piece.pages.map((p) => ({ batch, sourcePage: p.sourcePage, region: p.region, rotation: p.rotation, blank: p.blank, subjectPage: p.subjectPage }))
    const bytes = await assembleCopyPages({ sources: new Map([[String(batch), run.bytes]]), pages, skewOf: (p) => skew.get(p.sourcePage) ?? 0 })
    const copy = await payload.create({ collection: 'copies', overrideAccess: true, data: { exam, status: 'staging', sourceKey: `${name}-${k}`, pages, identification: { status: 'needs_review', readings: { fields: {}, located: 'top-lines', form } } } as never })
    const media = await payload.create({ collection: 'media', overrideAccess: true, data: { kind: 'copy-pdf', exam, copy: copy.id } as never, file: { data: Buffer.from(bytes), mimetype: 'application/pdf', name: `${name}-${k}.pdf`, size: bytes.length } })
    await payload.update({ collection: 'copies', id: copy.id, overrideAccess: true, data: { pdf: media.id } as never })
  }
}

describe('page numbers written freely on plain paper', () => {
  it('are read in the foot of sheets learned from the batch, cut a piece where they start again at 1, and join a student’s sheets', async () => {
    const { payload } = app.runtime
    const run = await ingestPreset({ name: 'copie-double-a4', withSubject: false })
    const exam = await payload.create({ collection: 'exams', overrideAccess: true, data: { title: 'Devoir sur copie double', layout: 'auto' } as never })
    const batch = await payload.create({ collection: 'scan-batches', overrideAccess: true, data: { exam: exam.id } as never, file: { data: Buffer.from(run.bytes), mimetype: 'application/pdf', name: 'copies.pdf', size: run.bytes.length } })
    await payload.update({ collection: 'scan-batches', id: batch.id, overrideAccess: true, data: { cutOn: { boundary: 'handwriting-layout' } } as never })
    // one piece per sheet (front and back) of the first copies, eight, enough to learn the paper from: what
    // ingestion leaves where it cannot tell a student's next sheet from another student's first
    const sheetsOf = <T>(pages: T[]): T[][] => pages.flatMap((_, i) => (i % 2 === 0 ? [pages.slice(i, i + 2)] : []))
    const sheets = run.plan.copies.flatMap((c) => sheetsOf(c.pages).map((pages) => ({ pages })))
    // The student whose copy is three sheets, 1–2, 3–4 and 5–6 of 6 (source pages 5 to 10), each a piece but the
    // last, which ingestion left with the next student's copy (pages 11 to 14, 1 to 4 of 4, no name written).
    const student = run.truth.copies.find((c) => c.pages.map((p) => p.written?.n).join(' ') === '1 2 3 4 5 6')!
    expect(student.pages.map((p) => p.source_page)).toEqual([5, 6, 7, 8, 9, 10])
    const unnamed = run.truth.copies.find((c) => c.pages[0]!.source_page === 11)!
    expect([unnamed.student, unnamed.pages.map((p) => p.written?.n).join(' ')]).toEqual([null, '1 2 3 4'])
    const starting = (page: number) => sheets.findIndex((p) => p.pages[0]!.sourcePage === page)
    const pieces = [...sheets.slice(0, starting(9)), { pages: sheets.slice(starting(9), starting(15)).flatMap((p) => p.pages) }, ...sheets.slice(starting(15), starting(15) + 3)]
    expect(pieces.map((p) => p.pages.map((x) => x.sourcePage).join(' '))).toContain('9 10 11 12 13 14')
    await storePieces({ run, exam: exam.id, batch: batch.id, pieces, form: 'learned', name: 'piece' })

    // The last sheet as the job finds a copy it has not read yet: the whole identification job then runs.
    const unread = (await copiesOfExam({ payload, examId: exam.id })).find((c) => c.sourceKey === `piece-${pieces.length - 1}`)!
    await payload.update({ collection: 'copies', id: unread.id, overrideAccess: true, data: { identification: { status: 'pending', readings: null } } as never })
    await identifyExam({ payload, examId: exam.id })
    const copies = await copiesOfExam({ payload, examId: exam.id })
    const keyOf = (c: (typeof copies)[number]) => (c.pages as CopyPage[]).map((p) => p.sourcePage).join(' ')
    const numbers = new Map(copies.map((c) => [keyOf(c), c.identification?.readings?.pageOrder?.numbers as (number | null)[] | undefined]))
    // the piece of two students' pages is cut where its numbers start again at 1, the new copy read like the others
    const { docs: decisions } = await payload.find({ collection: 'identification-decisions' as never, where: { and: [{ exam: { equals: exam.id } }, { action: { equals: 'split' } }] }, overrideAccess: true })
    expect(decisions.map((d: any) => [d.method, d.details?.edit?.at, d.details?.reason])).toEqual([['auto', 2, 'the page numbers the student wrote start again at 1']])
    const created = copies.find((c) => keyOf(c) === '11 12 13 14')
    expect(created?.identification?.readings).toBeTruthy()
    expect(numbers.get('11 12 13 14')).toEqual([1, 2, 3, 4])
    // nobody's name read on them: the numbers alone join the student's sheets, in their order
    expect(numbers.get('5 6 7 8 9 10')).toEqual([1, 2, 3, 4, 5, 6])
    // every page is still in exactly one copy
    const all = [...numbers.keys()].flatMap((k) => k.split(' ').map(Number)).sort((a, b) => a - b)
    expect(all).toEqual(pieces.flatMap((p) => p.pages.map((x) => x.sourcePage)).sort((a, b) => a - b))
  }, 600_000)

  it('are read on paper cut with its subject, each page against the subject page it matched, and join the sheets', async () => {
    // The subject of a copie double prints no folio, but a subject's pages may ("2/4"): each page's own foot is
    // taken away, the one ingestion matched it with (`subjectPage`, kept with the copy's pages).
    const { payload } = app.runtime
    const run = await ingestPreset({ name: 'copie-double-a3-mini', withSubject: true })
    expect(run.plan.model.boundary).toBe('subject')
    const subject = await payload.create({ collection: 'media', overrideAccess: true, data: { kind: 'subject' } as never, file: { data: Buffer.from(run.subject!), mimetype: 'application/pdf', name: 'sujet.pdf', size: run.subject!.length } })
    const exam = await payload.create({ collection: 'exams', overrideAccess: true, data: { title: 'Copie double et son sujet', layout: 'auto', blankSubject: subject.id } as never })
    const batch = await payload.create({ collection: 'scan-batches', overrideAccess: true, data: { exam: exam.id } as never, file: { data: Buffer.from(run.bytes), mimetype: 'application/pdf', name: 'copies.pdf', size: run.bytes.length } })
    await payload.update({ collection: 'scan-batches', id: batch.id, overrideAccess: true, data: { cutOn: { boundary: 'subject', subject: subject.id } } as never })
    await storePieces({ run, exam: exam.id, batch: batch.id, pieces: run.plan.copies, form: 'subject', name: 'sheet' })
    const readers = await openHeaderReaders()
    try {
      const copies = await copiesOfExam({ payload, examId: exam.id })
      expect((copies[0]!.pages as CopyPage[]).map((p) => p.subjectPage)).toEqual([1, 2, 3, 4])
      const forms = openFormCache({ payload, exam, readers: async () => readers, copies })
      const { numbered } = await orderWrittenPages({ payload, examId: exam.id, formForBatch: forms.formForFooter, engines: async () => readers.engines })
      // measured: 3 of the 5 pieces numbered (none before: a subject's footer was never used for free numbers)
      expect(numbered).toBeGreaterThanOrEqual(3)
    } finally {
      await readers.terminate()
    }
    // no name read: the numbers alone join the student whose two sheets are source pages 9 to 12
    expect(await mergeFragments({ payload, examId: exam.id, students: [] })).toBeGreaterThanOrEqual(1)
    const sourcePagesOf = (pages: number[]) => [...new Set(pages)].sort((a, b) => a - b).join(' ')
    const after = (await copiesOfExam({ payload, examId: exam.id })).map((c) => sourcePagesOf((c.pages as CopyPage[]).map((p) => p.sourcePage)))
    const twoSheets = run.truth.copies.find((c) => sourcePagesOf(c.pages.map((p) => p.source_page)) === '9 10 11 12')
    expect(twoSheets?.pages).toHaveLength(8)
    expect(after).toContain('9 10 11 12')
  }, 600_000)
})
