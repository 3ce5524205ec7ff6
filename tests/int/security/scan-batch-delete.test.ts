import fs from 'node:fs'
import path from 'node:path'

import { getBatch } from '../../fixtures/scans'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { copiesOfExam, uploadBatch, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'

/**
 * Issue 13, point 4: an admin deletes a processed scan batch. The rule: its scan pages and the copies cut
 * from it (with their files) go with it; while one of those copies is being marked (status past `ready`,
 * grades or annotations) the deletion is refused with 409 and nothing is deleted. Never a 500.
 */
let app: TestApp
let admin: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
}, 900_000)

afterAll(async () => app?.close(), 360_000)

const payload = () => app.runtime.payload
const count = async (collection: 'scan-pages' | 'media' | 'copies' | 'grades', where: Record<string, unknown>) =>
  (await payload().count({ collection, where: where as never, overrideAccess: true })).totalDocs

it('refuses with 409 while a copy from the batch is being marked, then deletes the batch with its pages, copies and files', async () => {
  const exam = await payload().create({
    collection: 'exams',
    data: { title: 'Suppression de lot', layout: 'auto', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] },
  })
  const { bytes, truth } = await getBatch('a4-mini')
  const uploaded = await uploadBatch({ client: admin, exam: exam.id, name: 'lot.pdf', bytes })
  const batch = await waitForBatch({ payload: payload(), id: uploaded.id })
  expect(batch.status).toBe('done')
  const stored = path.join(app.dataDir, 'media', 'scans', batch.filename!)
  expect(fs.existsSync(stored)).toBe(true)
  const copies = await copiesOfExam(payload(), exam.id)
  expect(copies.length).toBeGreaterThan(1)
  const copyIds = copies.map((c) => c.id)
  // Background jobs (identification, redaction) add and replace the copies' files for a while: wait until
  // the set of files stops changing (a replaced rendition keeps the count but not the ids) and no copy
  // waits for its identification or its redaction.
  const filesOfCopies = async () => {
    const { docs } = await payload().find({ collection: 'media', where: { copy: { in: copyIds } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as never })
    // identification writes the zones that start a redaction: both must be over
    const pending = (await copiesOfExam(payload(), exam.id)).filter((c: any) => c.redaction?.status === 'pending' || c.identification?.status === 'pending').length
    return `${(docs as { id: unknown }[]).map((d) => String(d.id)).sort().join(',')}|${pending}`
  }
  let settled = ''
  for (let previous = 'none'; settled !== previous || settled.endsWith('|0') === false; await new Promise((r) => setTimeout(r, 3000))) {
    previous = settled
    settled = await filesOfCopies()
  }
  const mediaOfCopies = await count('media', { copy: { in: copyIds } })
  expect(mediaOfCopies).toBeGreaterThanOrEqual(copies.length)
  expect(await count('scan-pages', { batch: { equals: batch.id } })).toBe(truth.pageCount)

  // One copy is being marked: nothing may go.
  const marked = copies[0]!
  await payload().update({ collection: 'copies', id: marked.id, data: { status: 'marking' }, overrideAccess: true })
  await payload().create({ collection: 'grades', data: { copy: marked.id, questionKey: 'Q1', points: 2 } as never, user: { ...seed.admin, collection: 'users' } as never })
  const refused = await admin.request('DELETE', `/api/scan-batches/${batch.id}`)
  expect(refused.status).toBe(409)
  expect(refused.body.errors[0].message).toMatch(new RegExp(`copy ${marked.anonymousId} is marking`))
  expect(await count('scan-pages', { batch: { equals: batch.id } })).toBe(truth.pageCount)
  expect(await count('copies', { id: { in: copyIds } })).toBe(copies.length)
  expect(await count('media', { copy: { in: copyIds } })).toBe(mediaOfCopies)
  expect(fs.existsSync(stored)).toBe(true)

  // Its grade deleted and the copy back to ready: the batch goes, with everything made from it.
  await payload().delete({ collection: 'grades', where: { copy: { equals: marked.id } }, overrideAccess: true, user: { ...seed.admin, collection: 'users' } as never })
  await payload().update({ collection: 'copies', id: marked.id, data: { status: 'ready' }, overrideAccess: true })
  const deleted = await admin.request('DELETE', `/api/scan-batches/${batch.id}`)
  expect(deleted.status).toBe(200)
  expect(await count('scan-pages', { batch: { equals: batch.id } })).toBe(0)
  expect(await count('copies', { id: { in: copyIds } })).toBe(0)
  expect(await count('media', { copy: { in: copyIds } })).toBe(0)
  expect(fs.existsSync(stored)).toBe(false)
  expect((await admin.request('GET', `/api/scan-batches/${batch.id}`)).status).toBe(404)
}, 900_000)

it('lets an admin delete a copy that carries no marking, and refuses one that does', async () => {
  const grade = await payload().create({ collection: 'grades', data: { copy: seed.historyReady.id, questionKey: 'Q1', points: 1 } as never, user: { ...seed.admin, collection: 'users' } as never })
  const refused = await admin.request('DELETE', `/api/copies/${seed.historyReady.id}`)
  expect(refused.status).toBe(409)
  // its first grade made it "marking" (the server's rule): the refusal says so
  expect(refused.body.errors[0].message).toMatch(new RegExp(`copy ${seed.historyReady.anonymousId} is marking\\. Its marking would be lost`))
  expect(await count('grades', { id: { equals: grade.id } })).toBe(1)
  expect((await admin.request('DELETE', `/api/copies/${seed.mathsStaging.id}`)).status).toBe(200)
})
