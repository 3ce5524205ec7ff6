import { PDFDocument } from 'pdf-lib'

import { paddedPdf } from '../../../tools/papers/padded'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'
import { createUpload as createTusUpload, tusRequest } from './tus'

/**
 * Issue 19: KORRIGO_MAX_UPLOAD_MB is the real limit of both ways in, a form and a resumable (tus) upload. The
 * limit is just above Payload's own 50 MB request limit, which refused every batch above it whatever
 * KORRIGO_MAX_UPLOAD_MB said. Batches are only stored here (no job runs): the resumable test processes one.
 */
const LIMIT_MB = 51
const LIMIT = LIMIT_MB * 1024 * 1024

let app: TestApp
let admin: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

const newExam = async (title: string) =>
  app.runtime.payload.create({ collection: 'exams', data: { title, layout: 'auto', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })

/** A one-page PDF padded (a valid incremental update) to exactly `size` bytes. */
const pdfOfSize = async (size: number): Promise<Uint8Array> => {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842])
  return paddedPdf({ source: await doc.save(), size })
}

const formUpload = (client: ApiClient, { exam, name, bytes }: { exam: number | string; name: string; bytes: Uint8Array }) => {
  const form = () => {
    const data = new FormData()
    data.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), name)
    data.append('_payload', JSON.stringify({ exam }))
    return data
  }
  // A keep-alive socket the server closed while idle resets the next request once (an HTTP client race, as in
  // trust-ops/scan-limits.test.ts): sent again once on a fresh connection.
  return client.request('POST', '/api/scan-batches', form()).catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'ECONNRESET') throw error
    return client.request('POST', '/api/scan-batches', form())
  })
}

const tus = (client: ApiClient, request: { method: string; path?: string; headers?: Record<string, string>; body?: Uint8Array }) => tusRequest({ baseUrl: app.baseUrl, client, ...request })

const createUpload = (client: ApiClient, upload: { exam: number | string; name: string; length: number }) => createTusUpload({ baseUrl: app.baseUrl, client, ...upload })

beforeAll(async () => {
  process.env.KORRIGO_MAX_UPLOAD_MB = String(LIMIT_MB)
  app = await startTestApp({ processJobs: false })
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
}, 300_000)

afterAll(async () => {
  await app?.close()
  delete process.env.KORRIGO_MAX_UPLOAD_MB
}, 360_000)

describe('the upload limit is KORRIGO_MAX_UPLOAD_MB, everywhere', () => {
  it('a form upload: exactly the limit is accepted, one byte more is a 413 naming the file and the limit', async () => {
    const exam = await newExam('Limite formulaire')
    // Made first: a long pause between requests races the server's keep-alive timeout on a loaded machine.
    const [justUnder, justOver, farOver] = await Promise.all([pdfOfSize(LIMIT), pdfOfSize(LIMIT + 1), pdfOfSize(LIMIT + 3 * 1024 * 1024)])
    const under = await formUpload(admin, { exam: exam.id, name: 'juste-dessous.pdf', bytes: justUnder })
    expect(under.status).toBe(201)
    expect(under.body.doc.filesize).toBe(LIMIT)

    const over = await formUpload(admin, { exam: exam.id, name: 'juste-dessus.pdf', bytes: justOver })
    expect(over.status).toBe(413)
    expect(over.body.errors[0].message).toBe(`juste-dessus.pdf: the file is above the ${LIMIT_MB} MB limit (KORRIGO_MAX_UPLOAD_MB)`)

    // Far above: refused from its declared length, before it is read.
    const far = await formUpload(admin, { exam: exam.id, name: 'beaucoup-trop.pdf', bytes: farOver })
    expect(far.status).toBe(413)
    expect(far.body.errors[0].message).toContain(`above the ${LIMIT_MB} MB limit (KORRIGO_MAX_UPLOAD_MB)`)
  })

  it('a resumable upload: the limit is accepted, one byte more is a 413 naming the limit', async () => {
    const exam = await newExam('Limite tus')
    const over = await createUpload(admin, { exam: exam.id, name: 'trop.pdf', length: LIMIT + 1 })
    expect(over.status).toBe(413)
    expect(JSON.parse(over.text).errors[0].message).toBe(`The file is above the ${LIMIT_MB} MB limit (KORRIGO_MAX_UPLOAD_MB).`)

    const under = await createUpload(admin, { exam: exam.id, name: 'juste.pdf', length: LIMIT })
    expect(under.status).toBe(201)
    const location = under.headers.get('location')!
    const done = await tus(admin, { method: 'PATCH', path: location, headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: await pdfOfSize(LIMIT) })
    expect(done.status).toBe(204)
    const result = JSON.parse(done.headers.get('korrigo-result')!)
    const batch = await app.runtime.payload.findByID({ collection: 'scan-batches', id: result.batch, overrideAccess: true })
    expect(batch).toMatchObject({ filename: 'juste.pdf', filesize: LIMIT })
  })
})
