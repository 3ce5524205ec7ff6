import * as mupdf from 'mupdf'
import { PDFDocument, degrees } from 'pdf-lib'

import { readUpload, storeMedia } from '../../../storage/uploads'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'
import { waitFor } from '../helpers/wait'

let app: TestApp
let seed: Awaited<ReturnType<typeof seedClass>>
let admin: ApiClient
let alice: ApiClient

const scanPdf = async () => {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842])
  doc.addPage([842, 595]).setRotation(degrees(90))
  return doc.save()
}

const textOf = (pdf: Uint8Array) => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  const pages = doc.countPages()
  const page = doc.loadPage(pages - 1)
  const text = page.toStructuredText('preserve-whitespace').asText().replace(/\s+/g, ' ')
  page.destroy()
  doc.destroy()
  return { pages, text }
}

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  const payload = app.runtime.payload
  const media = await storeMedia({ payload, bytes: await scanPdf(), name: 'copy.pdf', mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: seed.maths.id, copy: seed.mathsReady.id } })
  // The copy's pages say what its PDF holds (annotations are bounded by them): the scan has two.
  const pages = [1, 2].map((sourcePage) => ({ sourcePage, region: 'full', rotation: 0 }))
  await payload.update({ collection: 'copies', id: seed.mathsReady.id, data: { pdf: media.id, pages } as never, overrideAccess: true })
})

afterAll(async () => {
  await app?.close()
})

describe('publication', () => {
  it('refuses to publish an exam without finalized copies, and refuses teachers', async () => {
    expect((await admin.request('POST', `/api/publication/exams/${seed.maths.id}/publish`, {})).status).toBe(409)
    expect((await alice.request('POST', `/api/publication/exams/${seed.maths.id}/publish`, {})).status).toBe(403)
    expect((await admin.request('POST', `/api/publication/exams/999999/publish`, {})).status).toBe(404)
  })

  it('renders the annotated copy when it is finalized, then publishes the exam with the student’s name on the summary', async () => {
    const copy = seed.mathsReady.id
    expect((await alice.request('POST', '/api/grades', { copy, questionKey: 'Q1', points: 3.5, comment: 'Très bien rédigé' })).status).toBe(201)
    expect((await alice.request('POST', '/api/grades', { copy, questionKey: 'Q2', points: 2.25 })).status).toBe(201)
    const annotation = await alice.request('POST', '/api/annotations', {
      copy,
      page: 2,
      kind: 'tick',
      geometry: { x: 100, y: 100, size: 26 },
      style: { color: '#d32f2f', width: 2, opacity: 1 },
      schemaVersion: 2,
    })
    expect(annotation.status).toBe(201)
    expect((await alice.request('PATCH', `/api/copies/${copy}`, { status: 'finalized' })).status).toBe(200)

    const payload = app.runtime.payload
    // onCopyFinalized queued render-annotated-copy
    const annotatedId = await waitFor('the annotated PDF', async () => {
      const doc = await payload.findByID({ collection: 'copies', id: copy, depth: 0, overrideAccess: true })
      return (doc as { annotatedPdf?: number | string | null }).annotatedPdf ?? undefined
    })
    const media = await payload.findByID({ collection: 'media', id: annotatedId, depth: 0, overrideAccess: true })
    expect(media.kind).toBe('annotated-pdf')
    const { pages, text } = textOf(await readUpload({ payload, collection: 'media', doc: media }))
    expect(pages).toBe(3)
    expect(text).toContain('Maths — contrôle 1')
    expect(text).toContain("Aïssatou N'Diaye")
    expect(text).toContain('Très bien rédigé')
    expect(text).toContain('5,75 / 20')

    // teachers never see the annotated PDF (its summary names the student) before a student space serves it
    const seenByAlice = await alice.request('GET', `/api/copies/${copy}`)
    expect(seenByAlice.body.annotatedPdf).toBeUndefined()

    // a school plugin's onExamPublished callback, added the way addKorrigoHooks stores it
    const announced: string[] = []
    const hooks = (payload.config.custom as any).korrigo.hooks
    hooks.onExamPublished = [...(hooks.onExamPublished ?? []), ({ exam }: { exam: { title: string } }) => void announced.push(exam.title)]

    const published = await admin.request('POST', `/api/publication/exams/${seed.maths.id}/publish`, {})
    expect(published.status).toBe(202)
    expect(published.body.finalizedCopies).toBe(1)
    const exam = await waitFor('the exam to be published', async () => {
      const doc = await payload.findByID({ collection: 'exams', id: seed.maths.id, depth: 0, overrideAccess: true })
      return doc.status === 'published' ? doc : undefined
    })
    expect((exam as { publishedAt?: string }).publishedAt).toBeTruthy()
    expect(announced).toEqual(['Maths — contrôle 1'])
    const after = await payload.findByID({ collection: 'copies', id: copy, depth: 0, overrideAccess: true })
    expect((after as { publishedAt?: string }).publishedAt).toBeTruthy()
    // not re-rendered: it was up to date
    expect(String((after as { annotatedPdf?: unknown }).annotatedPdf)).toBe(String(annotatedId))
  })

  it('schedules a publication for later', async () => {
    const payload = app.runtime.payload
    await payload.update({ collection: 'copies', id: seed.historyReady.id, data: { status: 'finalized' }, overrideAccess: true })
    const at = new Date(Date.now() + 24 * 3600_000).toISOString()
    const response = await admin.request('POST', `/api/publication/exams/${seed.history.id}/publish`, { at })
    expect(response.status).toBe(202)
    expect(response.body.scheduledFor).toBe(at)
    const exam = await payload.findByID({ collection: 'exams', id: seed.history.id, depth: 0, overrideAccess: true })
    expect(exam.status).toBe('marking')
    expect(new Date((exam as { publishAt: string }).publishAt).toISOString()).toBe(at)
    expect((await admin.request('POST', `/api/publication/exams/${seed.history.id}/publish`, { at: 'tomorrow' })).status).toBe(400)
  })
  it('runs a scheduled publication when its time comes, and publishes nothing while a copy cannot be rendered', async () => {
    const payload = app.runtime.payload
    // the history copy (finalized above) has no PDF: its rendering fails, so the exam stays unpublished
    const soon = new Date(Date.now() + 1000).toISOString()
    const queued = await admin.request('POST', `/api/publication/exams/${seed.history.id}/publish`, { at: soon })
    expect(queued.status).toBe(202)
    const failed = await waitFor('the scheduled run', async () => {
      const job = await admin.request('GET', `/api/korrigo/jobs/status/${queued.body.job}`)
      return job.body.failReason ? job.body : undefined
    })
    expect(failed.failReason).toContain('could not be rendered')
    const exam = await payload.findByID({ collection: 'exams', id: seed.history.id, depth: 0, overrideAccess: true })
    expect(exam.status).toBe('marking')
    const copy = await payload.findByID({ collection: 'copies', id: seed.historyReady.id, depth: 0, overrideAccess: true })
    expect((copy as { publishedAt?: string }).publishedAt).toBeFalsy()
  })
})
