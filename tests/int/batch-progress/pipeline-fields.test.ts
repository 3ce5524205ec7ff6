import { PDFDocument } from 'pdf-lib'

import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { uploadBatch } from '../helpers/scans'
import { seedClass, type Id } from '../helpers/seed'

/**
 * Issue 15.10: a scan batch's status, progress and problems are the pipeline's. The admin's edit form
 * sends every field back as it loaded them; saving it (say, to change the layout) after the batch finished
 * meanwhile used to put the batch back to "queued" with no progress and no problems.
 */
let app: TestApp
let admin: ApiClient
let exam: Id

beforeAll(async () => {
  // No job runs: the test plays the pipeline itself.
  app = await startTestApp({ processJobs: false })
  exam = (await seedClass(app.runtime.payload)).maths.id
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
}, 300_000)

afterAll(async () => app?.close(), 120_000)

const onePagePdf = async () => {
  const pdf = await PDFDocument.create()
  pdf.addPage([595, 842])
  return pdf.save()
}

describe('a scan batch’s pipeline fields', () => {
  it('are kept when an admin saves the batch with the values the form loaded before processing finished', async () => {
    const { payload } = app.runtime
    const batch = await uploadBatch({ client: admin, exam, name: 'lot.pdf', bytes: await onePagePdf() })
    const loaded = (await admin.request('GET', `/api/scan-batches/${batch.id}?depth=0`)).body
    expect(loaded.status).toBe('queued')

    // Meanwhile the pipeline finishes the batch.
    const finished = { status: 'done', progress: { pagesDone: 1, pagesTotal: 1, copiesFound: 1 }, problems: [{ page: 1, code: 'copy_anomaly', message: 'unexpected page count: 1 (expected 2)' }] }
    await payload.update({ collection: 'scan-batches', id: batch.id, data: finished as never, overrideAccess: true })

    // The form as it was loaded, with the one change the admin made.
    const saved = await admin.request('PATCH', `/api/scan-batches/${batch.id}?depth=0`, { exam, status: loaded.status, progress: loaded.progress, problems: loaded.problems ?? [], layout: 'a4' })
    expect(saved.status).toBe(200)
    const after = await payload.findByID({ collection: 'scan-batches', id: batch.id, depth: 0, overrideAccess: true })
    expect(after.layout).toBe('a4')
    expect(after.status).toBe('done')
    expect(after.progress).toMatchObject(finished.progress)
    expect(after.problems).toEqual([expect.objectContaining(finished.problems[0])])

    // Nor can an admin set them on purpose: the pipeline alone says where a batch is.
    await admin.request('PATCH', `/api/scan-batches/${batch.id}`, { status: 'failed' })
    expect((await payload.findByID({ collection: 'scan-batches', id: batch.id, depth: 0, overrideAccess: true })).status).toBe('done')
  })
})
