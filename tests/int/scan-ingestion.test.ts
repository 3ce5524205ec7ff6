import { PDFDocument } from 'pdf-lib'

import { inTransaction } from '../../runtime/transaction'
import { readUpload } from '../../storage/uploads'
import { encryptPdf, getBatch, truncatePdf } from '../fixtures/scans'
import { startTestApp, type TestApp } from './helpers/app'
import { signIn, type ApiClient } from './helpers/http'
import { copiesOfExam, uploadBatch, waitForBatch } from './helpers/scans'
import { seedClass } from './helpers/seed'
import { PROCESS_SCAN_BATCH } from '../../plugins/scan-pipeline/hooks/enqueueOnUpload'

let app: TestApp
let admin: ApiClient
let alice: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

const newExam = async (title: string) =>
  app.runtime.payload.create({ collection: 'exams', data: { title, layout: 'auto', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })

beforeAll(async () => {
  app = await startTestApp({ jobs: [PROCESS_SCAN_BATCH] })
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
}, 300_000)

// Closing waits for the jobs a batch queued (identification, redaction) to finish: the test app's drain allows 5 minutes.
afterAll(async () => app?.close(), 360_000)

describe('uploading a scan batch', () => {
  it('makes one copy per student with the right pages, a PDF each, and reports progress', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const exam = await newExam('Ingestion A4')
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'classe-3B.pdf', bytes })
    const done = await waitForBatch({ payload: app.runtime.payload, id: batch.id })
    // The batch's problems shown when it did not end well: they say which step failed.
    expect({ status: done.status, problems: done.problems }).toMatchObject({ status: 'done' })
    expect(done.progress).toMatchObject({ pagesDone: truth.pageCount, pagesTotal: truth.pageCount, copiesFound: truth.copies.length })

    const copies = await copiesOfExam(app.runtime.payload, exam.id)
    expect(copies).toHaveLength(truth.copies.length)
    for (const [index, copy] of copies.entries()) {
      const expected = truth.copies[index]!.pages.map((p) => ({ sourcePage: p.source_page, region: p.region, rotation: p.rotation }))
      expect(copy.pages!.map((p: any) => ({ sourcePage: p.sourcePage, region: p.region, rotation: p.rotation }))).toEqual(expected)
      expect(copy.status).toBe('staging')
      const media = await app.runtime.payload.findByID({ collection: 'media', id: copy.pdf as number, overrideAccess: true })
      const pdf = await PDFDocument.load(await readUpload({ payload: app.runtime.payload, collection: 'media', doc: media }))
      expect(pdf.getPageCount()).toBe(expected.length)
      expect(copy.thumbnail).toBeTruthy()
    }
    const pages = await app.runtime.payload.count({ collection: 'scan-pages', where: { batch: { equals: batch.id } }, overrideAccess: true })
    expect(pages.totalDocs).toBe(truth.pageCount)
    expect((await app.runtime.payload.findByID({ collection: 'exams', id: exam.id })).status).toBe('identifying')

    // Copies in staging (not identified yet) are not for markers.
    const visible = await alice.request('GET', `/api/copies?where[exam][equals]=${exam.id}`)
    expect(visible.body.docs).toHaveLength(0)

    // Running the job again for the same batch changes nothing.
    const { agenda } = app.runtime
    const rerun = new Promise<void>((resolve, reject) => {
      agenda.once('success:process-scan-batch', () => resolve())
      agenda.once('fail:process-scan-batch', (err: Error) => reject(err))
    })
    await agenda.now('process-scan-batch', { batchId: batch.id })
    await rerun
    expect(await copiesOfExam(app.runtime.payload, exam.id)).toHaveLength(truth.copies.length)
    expect((await app.runtime.payload.count({ collection: 'media', where: { kind: { equals: 'copy-pdf' } }, overrideAccess: true })).totalDocs).toBe(truth.copies.length)
  })

  it('processes a batch whose upload commits only after its job started (a large file commits late)', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const payload = app.runtime.payload
    const exam = await newExam('Late commit')
    // The batch's hook queues its job inside the upload's transaction; the worker is idle and starts it at once.
    const batch = await inTransaction({
      payload,
      work: async (req) => {
        const created = await payload.create({ collection: 'scan-batches', data: { exam: exam.id } as never, file: { data: Buffer.from(bytes), mimetype: 'application/pdf', name: 'late-commit.pdf', size: bytes.length }, overrideAccess: true, req })
        await new Promise((resolve) => setTimeout(resolve, 3_000))
        return created
      },
    })
    const done = await waitForBatch({ payload, id: batch.id })
    expect({ status: done.status, problems: done.problems }).toMatchObject({ status: 'done' })
    expect(await copiesOfExam(payload, exam.id)).toHaveLength(truth.copies.length)
  })

  it('refuses a password-protected PDF with a reason that names the file, and keeps the batch', async () => {
    const { bytes } = await getBatch('a4-mini')
    const exam = await newExam('Encrypted')
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'locked.pdf', bytes: encryptPdf(bytes) })
    const done = await waitForBatch({ payload: app.runtime.payload, id: batch.id })
    expect(done.status).toBe('failed')
    expect(done.problems![0]!.message).toMatch(/locked\.pdf: .*password/)
    expect(await copiesOfExam(app.runtime.payload, exam.id)).toHaveLength(0)
  })

  it('keeps what can be read of a truncated upload and says which pages were lost', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const exam = await newExam('Truncated')
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'cut.pdf', bytes: await truncatePdf(bytes, 0.6) })
    const done = await waitForBatch({ payload: app.runtime.payload, id: batch.id })
    // mupdf repairs the cut file: the pages before the cut become copies, nothing is invented.
    expect(done.status).toBe('partial')
    const copies = await copiesOfExam(app.runtime.payload, exam.id)
    expect(copies.length).toBeGreaterThan(0)
    expect(copies.length).toBeLessThanOrEqual(truth.copies.length)
    expect(done.progress!.pagesTotal).toBeLessThanOrEqual(truth.pageCount)
    // Every page of the original is either read into a copy or named as lost: none silently gone.
    const problems = (done.problems ?? []) as { page: number | null; code: string; message: string }[]
    const lost = problems.filter((p) => p.page != null && !/anomaly/.test(p.code))
    const lostPages = lost.map((p) => p.page!)
    expect(lostPages.length).toBeGreaterThan(0)
    const kept = new Set(copies.flatMap((copy: any) => copy.pages!.map((p: any) => p.sourcePage as number)))
    const all = Array.from({ length: truth.pageCount }, (_, i) => i + 1)
    expect(all.filter((page) => !kept.has(page) && !lostPages.includes(page))).toEqual([])
    // The cut takes the end of the file: the pages lost are the last ones, each named with the file, and a
    // copy that keeps a lost page's place says so (the page is held for a person to check, not dropped).
    const first = Math.min(...lostPages)
    expect([...lostPages].sort((a, b) => a - b)).toEqual(all.filter((page) => page >= first))
    for (const problem of lost) expect(problem.message).toMatch(new RegExp(`cut\\.pdf page ${problem.page}\\b`))
    const copyNotes = problems.filter((p) => p.code === 'copy_anomaly').map((p) => p.message)
    for (const page of lostPages.filter((page) => kept.has(page))) expect(copyNotes.some((note) => note.includes(`cut.pdf page ${page}:`))).toBe(true)
  })
})
