import fs from 'node:fs'
import path from 'node:path'

import { storeMedia } from '../../../storage/uploads'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

/**
 * Issue 13, point 7: an upload refused after Payload wrote its file (here, a reference to an exam that does
 * not exist: the insert fails) leaves no file behind, over REST and from server code; and cleanup-old-files
 * finds files no row names in every local upload folder, past a grace period, leaving the others alone.
 */
let app: TestApp
let admin: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

beforeAll(async () => {
  app = await startTestApp({ processJobs: true })
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
}, 240_000)

afterAll(async () => app?.close(), 360_000)

const folder = (name: 'scans' | 'files') => path.join(app.dataDir, 'media', name)
const filesIn = (name: 'scans' | 'files') => (fs.existsSync(folder(name)) ? fs.readdirSync(folder(name)).sort() : [])
const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')

it('removes the file of a scan batch refused after it was written (REST)', async () => {
  const before = filesIn('scans')
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(pdf)], { type: 'application/pdf' }), 'orphan.pdf')
  form.append('_payload', JSON.stringify({ exam: 99999 }))
  const answer = await admin.request('POST', '/api/scan-batches', form)
  expect(answer.status).toBe(400)
  expect(answer.body.errors[0].message).toMatch(/exam: 99999 does not exist/)
  expect(filesIn('scans')).toEqual(before)
  expect((await app.runtime.payload.count({ collection: 'scan-batches', overrideAccess: true })).totalDocs).toBe(0)
})

it('removes the file of a media refused after it was written (server code)', async () => {
  const before = filesIn('files')
  await expect(
    storeMedia({ payload: app.runtime.payload, bytes: pdf, name: 'orphan.pdf', mimetype: 'application/pdf', data: { kind: 'copy-pdf', copy: 99999 } }),
  ).rejects.toBeTruthy()
  expect(filesIn('files')).toEqual(before)
})

it('cleanup-old-files removes old files no row names, in every upload folder, and nothing else', async () => {
  const kept = await storeMedia({ payload: app.runtime.payload, bytes: pdf, name: 'kept.pdf', mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: seed.maths.id } })
  const keptPath = path.join(folder('files'), kept.filename!)
  const old = new Date(Date.now() - 3 * 3_600_000)
  fs.utimesSync(keptPath, old, old)
  fs.mkdirSync(folder('scans'), { recursive: true })
  const oldOrphans = [path.join(folder('files'), 'left-behind.pdf'), path.join(folder('scans'), 'left-behind-scan.pdf')]
  for (const file of oldOrphans) {
    fs.writeFileSync(file, pdf)
    fs.utimesSync(file, old, old)
  }
  const fresh = path.join(folder('files'), 'upload-in-flight.pdf')
  fs.writeFileSync(fresh, pdf)

  const { agenda } = app.runtime
  const done = new Promise<void>((resolve, reject) => {
    agenda.once('success:cleanup-old-files', () => resolve())
    agenda.once('fail:cleanup-old-files', (err: unknown) => reject(err))
  })
  await agenda.now('cleanup-old-files', {})
  await done
  for (const file of oldOrphans) expect(fs.existsSync(file)).toBe(false)
  expect(fs.existsSync(fresh)).toBe(true)
  expect(fs.existsSync(keptPath)).toBe(true)
})
