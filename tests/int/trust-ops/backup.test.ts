import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { extractArchive } from '../../../runtime/backup/archive'
import type { BackupManifest } from '../../../runtime/backup/manifest'
import { storeMedia } from '../../../storage/uploads'
import { goodScan } from '../../fixtures/hostile/pdfs'
import { startTestApp, type TestApp } from '../helpers/app'
import { runKorrigo } from '../helpers/cli'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { signIn } from '../helpers/http'
import { uploadBatch, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'

let app: TestApp
let target: TestDatabase
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-backup-test-'))
const targetData = path.join(work, 'restored-data')


const readArchive = async (file: string) => {
  const into = fs.mkdtempSync(path.join(work, 'x-'))
  await extractArchive({ file, into })
  const manifest = JSON.parse(fs.readFileSync(path.join(into, 'manifest.json'), 'utf8')) as BackupManifest
  const docs = (slug: string) =>
    fs
      .readFileSync(path.join(into, manifest.collections[slug]!.entry), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>)
  return { manifest, docs, into }
}
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** Jobs (scan, identification) change documents: the comparison waits until none is due or running. */
const quiet = async () => {
  const deadline = Date.now() + 900_000
  while (Date.now() < deadline) {
    const busy = (await app.runtime.agenda.getJobsOverview()).some((j) => j.running > 0 || j.queued > 0)
    if (!busy) return
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error('jobs never went quiet')
}

beforeAll(async () => {
  app = await startTestApp()
  target = await createTestDatabase()
}, 300_000)

afterAll(async () => {
  await app?.close()
  await target?.drop()
  fs.rmSync(work, { recursive: true, force: true })
}, 420_000)

test('backup while the app writes, restore into a fresh install: identical documents and file bytes', async () => {
  const { payload } = app.runtime
  const seed = await seedClass(payload)
  const admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  const exam = await payload.create({ collection: 'exams', data: { title: 'Sauvegarde', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })
  const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'sauvegarde.pdf', bytes: goodScan(3, 500) })
  expect((await waitForBatch({ payload, id: batch.id })).status).not.toBe('failed')
  const alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  expect((await alice.request('POST', '/api/grades', { copy: seed.mathsReady.id, questionKey: 'Q1', points: 3 })).status).toBe(201)
  await quiet()

  // A writer that keeps going during the backup: numbered students and files, one after the other.
  let writing = true
  let written = 0
  const writer = (async () => {
    while (writing) {
      written++
      const n = String(written).padStart(4, '0')
      await payload.create({ collection: 'students', data: { lastName: `Writer${n}`, firstName: 'W', className: 'W' } })
      await storeMedia({ payload, bytes: Buffer.from(`export ${n} `.repeat(50)), name: `w-${n}.csv`, mimetype: 'text/csv', data: { kind: 'export', exam: exam.id } })
    }
  })()
  const archive = path.join(work, 'backup.tar.gz')
  const source = { DATABASE_URL: app.database.url, KORRIGO_DATA_DIR: app.dataDir }
  const backup = await runKorrigo(['backup', '--out', archive], source)
  writing = false
  await writer
  expect(backup.stderr).toMatch(/documents: \d+ \/ \d+/)
  expect(backup.code).toBe(0)
  expect(backup.stdout).toMatch(/backup\.tar\.gz: \d+ documents in \d+ collections, \d+ files/)
  expect(written).toBeGreaterThan(1)

  const first = await readArchive(archive)
  expect(first.manifest).toMatchObject({ consistent: true, warnings: [] })
  // One snapshot: the writer's students in the archive are 1..k without a hole, and each file of theirs is there.
  const writers = first.docs('students').map((s) => s.lastName as string).filter((n) => n.startsWith('Writer')).sort()
  expect(writers).toEqual(writers.map((_, i) => `Writer${String(i + 1).padStart(4, '0')}`))
  for (const media of first.docs('media')) expect(fs.existsSync(path.join(first.into, 'files', 'media', media.filename))).toBe(true)

  // What the archive holds is what the database held (documents the writer did not touch since are identical).
  for (const slug of Object.keys(first.manifest.collections)) {
    for (const doc of first.docs(slug)) {
      const now = await payload.db.findOne({ collection: slug as never, where: { id: { equals: doc.id } } })
      expect({ slug, doc: JSON.parse(JSON.stringify(now)) }).toEqual({ slug, doc })
    }
  }

  const restoredEnv = { DATABASE_URL: target.url, KORRIGO_DATA_DIR: targetData }
  const restore = await runKorrigo(['restore', archive], restoredEnv)
  expect(restore.stderr).toMatch(/documents: \d+ \/ \d+/)
  expect(restore.code).toBe(0)

  // Backing up the restored install gives the same documents, globals and file bytes.
  const again = path.join(work, 'again.tar.gz')
  expect((await runKorrigo(['backup', '--out', again], restoredEnv)).code).toBe(0)
  const second = await readArchive(again)
  expect(Object.keys(second.manifest.collections).sort()).toEqual(Object.keys(first.manifest.collections).sort())
  // The restore itself is the one thing added: an audit event on top of the restored chain.
  const withoutRestore = (slug: string, docs: Record<string, any>[]) => (slug === 'audit-events' ? docs.filter((e) => e.action !== 'backup.restore') : docs)
  for (const slug of Object.keys(first.manifest.collections)) expect({ slug, docs: withoutRestore(slug, second.docs(slug)) }).toEqual({ slug, docs: first.docs(slug) })
  expect(second.docs('audit-events').filter((e) => e.action === 'backup.restore')).toHaveLength(1)
  expect((await runKorrigo(['audit', 'verify'], restoredEnv)).code).toBe(0)
  for (const slug of Object.keys(first.manifest.globals).filter((g) => g !== 'audit-head')) {
    const read = (into: string) => JSON.parse(fs.readFileSync(path.join(into, first.manifest.globals[slug]!.entry), 'utf8'))
    expect({ slug, global: read(second.into) }).toEqual({ slug, global: read(first.into) })
  }
  const checksums = (m: BackupManifest) => Object.fromEntries(m.entries.filter((e) => e.path.startsWith('files/')).map((e) => [e.path, e.sha256]))
  expect(checksums(second.manifest)).toEqual(checksums(first.manifest))
  // The files themselves, in the restored storage, byte for byte.
  for (const entry of first.manifest.entries.filter((e) => e.path.startsWith('files/'))) {
    const [, slug, name] = entry.path.split('/')
    const dir = slug === 'scan-batches' ? 'scans' : 'files'
    expect({ file: entry.path, sha: sha(path.join(targetData, 'media', dir, name!)) }).toEqual({ file: entry.path, sha: entry.sha256 })
  }
  expect(first.manifest.entries.filter((e) => e.path.startsWith('files/scan-batches/'))).toHaveLength(1)

  // A second restore on a database that is no longer empty is refused; a damaged archive is refused before anything is written.
  const refused = await runKorrigo(['restore', archive], restoredEnv)
  expect(refused.code).toBe(2)
  expect(refused.stderr).toMatch(/the database is not empty/)
  const damaged = path.join(work, 'damaged.tar.gz')
  const bytes = fs.readFileSync(archive)
  bytes[Math.floor(bytes.length / 2)] ^= 0xff
  fs.writeFileSync(damaged, bytes)
  const broken = await runKorrigo(['restore', damaged, '--force'], restoredEnv)
  expect(broken.code).not.toBe(0)
  expect(broken.stderr).toMatch(/damaged\.tar\.gz: .*(damaged|not a readable)/)
  expect((await runKorrigo(['backup', '--help'], restoredEnv)).code).toBe(0)
  expect((await runKorrigo(['restore', '--frob'], restoredEnv)).code).toBe(2)
}, 3_000_000)
