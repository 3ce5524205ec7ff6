import fs from 'node:fs'
import path from 'node:path'

import { flushAuditEvents } from '../../../plugins/audit/services/appender'
import { storeMedia } from '../../../storage/uploads'
import { goodScan } from '../../fixtures/hostile/pdfs'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { copiesOfExam, uploadBatch, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'

let app: TestApp
let admin: ApiClient
let alice: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0)
const count = async (collection: string, where: Record<string, unknown>) => (await app.runtime.payload.count({ collection: collection as never, where: where as never, overrideAccess: true })).totalDocs

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
}, 300_000)

afterAll(async () => app?.close(), 420_000)

test('a new exam is kept until the first 31 October after its school year, shown to admins and editable', async () => {
  const march = await admin.request('POST', '/api/exams', { title: 'Mars', date: '2026-03-10T08:00:00.000Z' })
  expect(march.status).toBe(201)
  expect(march.body.doc.retainUntil).toBe('2026-10-31T00:00:00.000Z')
  const september = await admin.request('POST', '/api/exams', { title: 'Septembre', date: '2026-09-15T08:00:00.000Z' })
  expect(september.body.doc.retainUntil).toBe('2027-10-31T00:00:00.000Z')
  // Moving the exam moves the default; a date the admin sets stays.
  expect((await admin.request('PATCH', `/api/exams/${march.body.doc.id}`, { date: '2025-11-02T08:00:00.000Z' })).body.doc.retainUntil).toBe('2026-10-31T00:00:00.000Z')
  expect((await admin.request('PATCH', `/api/exams/${march.body.doc.id}`, { retainUntil: '2030-01-01T00:00:00.000Z' })).body.doc.retainUntil).toBe('2030-01-01T00:00:00.000Z')
  expect((await admin.request('GET', `/api/exams/${march.body.doc.id}`)).body.retainUntil).toBe('2030-01-01T00:00:00.000Z')
})

test("past its date, an exam's scans, copies, grades, annotations, files and own students are purged, with a report", async () => {
  const { payload } = app.runtime
  const past = await payload.create({ collection: 'exams', data: { title: 'Ancien', date: '2024-03-10T08:00:00.000Z', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })
  expect(past.retainUntil).toBe('2024-10-31T00:00:00.000Z')
  const kept = await payload.create({ collection: 'exams', data: { title: 'Actuel', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })
  const batch = await uploadBatch({ client: admin, exam: past.id, name: 'ancien.pdf', bytes: goodScan(2, 900) })
  await waitForBatch({ payload, id: batch.id })
  const only = await payload.create({ collection: 'students', data: { lastName: 'Seulement', firstName: 'Ici', birthDate: '2010-01-01' } })
  const both = seed.student
  // Two named copies of our own (how the batch was cut into copies is the segmentation's business).
  const copyOf = async (student: string | number) => {
    const copy = await payload.create({ collection: 'copies', data: { exam: past.id, status: 'ready', student, pages: [{ batch: batch.id, sourcePage: 1, region: 'full', rotation: 0 }] } as never })
    await storeMedia({ payload, bytes: goodScan(1, 901), name: `copy-${copy.id}.pdf`, mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: past.id, copy: copy.id } })
    return copy
  }
  const first = await copyOf(only.id)
  await copyOf(both.id)
  const copiesBefore = (await copiesOfExam(payload, past.id)).length
  expect((await alice.request('POST', '/api/grades', { copy: first.id, questionKey: 'Q1', points: 3 })).status).toBe(201)
  expect((await alice.request('POST', '/api/annotations', { copy: first.id, page: 1, kind: 'tick', geometry: { x: 100, y: 100 } })).status).toBe(201)
  expect((await alice.request('PATCH', `/api/copies/${first.id}`, { status: 'finalized' })).status).toBe(200)
  // The same student sat the current exam too: they stay.
  const current = await payload.create({ collection: 'copies', data: { exam: kept.id, status: 'ready', student: both.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })
  expect((await alice.request('POST', '/api/grades', { copy: current.id, questionKey: 'Q1', points: 2 })).status).toBe(201)
  const scans = path.join(app.dataDir, 'media', 'scans')
  const mediaDir = path.join(app.dataDir, 'media', 'files')
  const mediaOfPast = await count('media', { exam: { equals: past.id } })
  expect(mediaOfPast).toBeGreaterThan(0)
  const filesBefore = files(mediaDir)

  const done = new Promise<void>((resolve, reject) => {
    app.runtime.agenda.once('success:purge-expired-exams', () => resolve())
    app.runtime.agenda.once('fail:purge-expired-exams', (error: Error) => reject(error))
  })
  await app.runtime.agenda.now('purge-expired-exams', {})
  await done

  for (const [collection, where] of [
    ['copies', { exam: { equals: past.id } }],
    ['grades', { exam: { equals: past.id } }],
    ['annotations', { exam: { equals: past.id } }],
    ['media', { exam: { equals: past.id } }],
    ['scan-batches', { exam: { equals: past.id } }],
    ['scan-pages', { batch: { equals: batch.id } }],
    ['students', { id: { equals: only.id } }],
  ] as const)
    expect({ collection, left: await count(collection, where) }).toEqual({ collection, left: 0 })
  expect(files(scans)).toBe(0)
  expect(files(mediaDir)).toBe(filesBefore - mediaOfPast)
  // What belongs to the current exam and to students seen elsewhere stays.
  expect(await count('students', { id: { equals: both.id } })).toBe(1)
  expect(await count('copies', { exam: { equals: kept.id } })).toBe(1)
  expect(await count('grades', { copy: { equals: current.id } })).toBe(1)

  const purged = await payload.findByID({ collection: 'exams', id: past.id, overrideAccess: true })
  expect(purged.purgedAt).toEqual(expect.any(String))
  expect(purged.retentionReport).toMatchObject({ counts: { copies: copiesBefore, grades: 1, annotations: 1, 'scan-batches': 1 }, studentsRemoved: 1, studentsKept: 1, marks: { copies: 1, mean: 3, min: 3, max: 3 } })
  expect(JSON.stringify(purged.retentionReport)).not.toMatch(/Seulement|Aïssatou|N'Diaye/)
  expect((await payload.findByID({ collection: 'exams', id: kept.id, overrideAccess: true })).purgedAt).toBeFalsy()

  await flushAuditEvents(payload)
  const { docs } = await payload.find({ collection: 'audit-events', where: { action: { equals: 'retention.purge' } }, overrideAccess: true })
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ targetId: String(past.id), actorType: 'system', details: { studentsRemoved: 1 } })
  // One event for the purge, not one per deleted document.
  expect(await count('audit-events', { action: { equals: 'copies.delete' } })).toBe(0)

  // Running again changes nothing.
  const again = new Promise<void>((resolve) => app.runtime.agenda.once('success:purge-expired-exams', () => resolve()))
  await app.runtime.agenda.now('purge-expired-exams', {})
  await again
  expect((await payload.find({ collection: 'audit-events', where: { action: { equals: 'retention.purge' } }, overrideAccess: true })).docs).toHaveLength(1)
}, 900_000)
