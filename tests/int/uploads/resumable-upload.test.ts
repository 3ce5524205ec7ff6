import http from 'node:http'

import { getBatch } from '../../fixtures/scans'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { copiesOfExam, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'
import { createUpload as createTusUpload, TUS, tusRequest } from './tus'
import { PROCESS_SCAN_BATCH } from '../../../plugins/scan-pipeline/hooks/enqueueOnUpload'

/**
 * Issue 19: a resumable (tus) upload cut midway resumes where the server stopped, a chunk sent again is never
 * appended twice, and the finished file becomes a scan batch cut into the right copies, as a form upload does.
 */

let app: TestApp
let admin: ApiClient
let bob: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

const newExam = async (title: string) =>
  app.runtime.payload.create({ collection: 'exams', data: { title, layout: 'auto', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })

const tus = (client: ApiClient, request: { method: string; path?: string; headers?: Record<string, string>; body?: Uint8Array }) => tusRequest({ baseUrl: app.baseUrl, client, ...request })

const createUpload = (client: ApiClient, upload: { exam: number | string; name: string; length: number }) => createTusUpload({ baseUrl: app.baseUrl, client, ...upload })

/** A PATCH whose connection is cut after `sent` bytes of its body: what a dropped Wi-Fi does. */
const cutPatch = (client: ApiClient, { path, offset, bytes, sent }: { path: string; offset: number; bytes: Uint8Array; sent: number }) =>
  new Promise<void>((resolve) => {
    const url = new URL(`${app.baseUrl}${path}`)
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        authorization: `JWT ${client.token}`,
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(bytes.length),
      },
    })
    req.on('error', () => resolve())
    req.on('response', () => resolve())
    req.write(Buffer.from(bytes.subarray(0, sent)), () => setTimeout(() => req.destroy(), 300))
  })

beforeAll(async () => {
  app = await startTestApp({ jobs: [PROCESS_SCAN_BATCH] })
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  bob = await signIn({ baseUrl: app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
}, 300_000)

// Closing waits for the batch's job to finish (the test app's drain allows 5 minutes).
afterAll(async () => {
  await app?.close()
}, 360_000)

describe('a resumable upload cut midway', () => {
  it('resumes at the offset the server holds, never appends a chunk twice, and becomes a batch with the right copies', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const exam = await newExam('Reprise')

    // Someone who may not upload this exam's scans is refused before sending a byte.
    const refused = await createUpload(bob, { exam: exam.id, name: 'classe.pdf', length: bytes.length })
    expect(refused.status).toBe(403)

    const created = await createUpload(admin, { exam: exam.id, name: 'classe-3B.pdf', length: bytes.length })
    expect(created.status).toBe(201)
    const location = created.headers.get('location')!
    expect(location).toMatch(new RegExp(`^${TUS}/[0-9a-f]+$`))

    // First cut: half of the file sent, then the connection drops.
    await cutPatch(admin, { path: location, offset: 0, bytes, sent: Math.floor(bytes.length / 2) })
    const head = await tus(admin, { method: 'HEAD', path: location })
    expect(head.status).toBe(200)
    const offset = Number(head.headers.get('upload-offset'))
    expect(offset).toBeGreaterThan(0)
    expect(offset).toBeLessThanOrEqual(Math.floor(bytes.length / 2))

    // Another user cannot see, let alone write to, this upload.
    expect((await tus(bob, { method: 'HEAD', path: location })).status).toBe(404)

    // A chunk sent again from an old offset (a retry that did arrive after all) is refused, not appended.
    const stale = await tus(admin, { method: 'PATCH', path: location, headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: bytes.subarray(0, 1024) })
    expect(stale.status).toBe(409)
    expect(Number((await tus(admin, { method: 'HEAD', path: location })).headers.get('upload-offset'))).toBe(offset)

    // Second cut, then the rest from where the server says it is.
    await cutPatch(admin, { path: location, offset, bytes: bytes.subarray(offset), sent: 256 * 1024 })
    const resumed = Number((await tus(admin, { method: 'HEAD', path: location })).headers.get('upload-offset'))
    expect(resumed).toBeGreaterThanOrEqual(offset)
    const last = await tus(admin, { method: 'PATCH', path: location, headers: { 'Upload-Offset': String(resumed), 'Content-Type': 'application/offset+octet-stream' }, body: bytes.subarray(resumed) })
    expect(last.status).toBe(204)
    const { batch: batchId } = JSON.parse(last.headers.get('korrigo-result')!)

    // A client that lost that last answer asks again: finished, the same batch; nothing is uploaded twice.
    const again = await tus(admin, { method: 'HEAD', path: location })
    expect(again.status).toBe(200)
    expect(Number(again.headers.get('upload-offset'))).toBe(bytes.length)
    expect(JSON.parse(again.headers.get('korrigo-result')!).batch).toBe(batchId)

    const batches = await app.runtime.payload.find({ collection: 'scan-batches', where: { exam: { equals: exam.id } }, overrideAccess: true })
    expect(batches.docs.map((b) => b.id)).toEqual([batchId])
    const stored = await readStored(batches.docs[0]!.filename!)
    expect(Buffer.compare(stored, Buffer.from(bytes))).toBe(0)

    const done = await waitForBatch({ payload: app.runtime.payload, id: batchId })
    expect(done.status).toBe('done')
    const copies = await copiesOfExam(app.runtime.payload, exam.id)
    expect(copies.map((copy) => copy.pages!.map((p) => ({ sourcePage: p.sourcePage, region: p.region, rotation: p.rotation })))).toEqual(
      truth.copies.map((copy) => copy.pages.map((p) => ({ sourcePage: p.source_page, region: p.region, rotation: p.rotation }))),
    )
  }, 240_000)
})

const readStored = async (filename: string): Promise<Buffer> => {
  const { readFile } = await import('node:fs/promises')
  const staticDir = app.runtime.payload.collections['scan-batches'].config.upload.staticDir!
  return readFile(`${staticDir}/${filename}`)
}
