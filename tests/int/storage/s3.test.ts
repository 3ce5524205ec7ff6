import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { S3 } from '@aws-sdk/client-s3'
import { PDFDocument } from 'pdf-lib'
import S3rver from 's3rver'

import { PROCESS_SCAN_BATCH } from '../../../plugins/scan-pipeline/hooks/enqueueOnUpload'
import { extractArchive } from '../../../runtime/backup/archive'
import { createBackup } from '../../../runtime/backup/create'
import { sweepOrphanUploads } from '../../../storage/sweep-orphans'
import { localFileOfUpload, readUpload, storeMedia } from '../../../storage/uploads'
import { getBatch } from '../../fixtures/scans'
import { goodScan } from '../../fixtures/hostile/pdfs'
import { startTestApp, type TestApp } from '../helpers/app'
import { runKorrigo } from '../helpers/cli'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { signIn, type ApiClient } from '../helpers/http'
import { copiesOfExam, uploadBatch, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'

/**
 * Files on S3-compatible storage (KORRIGO_S3_BUCKET): a real S3 server (s3rver) on this machine, the app
 * configured to use it, and every file checked where it really is, in the bucket and not on the node's disk.
 */
const BUCKET = 'korrigo'
const RESTORED_BUCKET = 'korrigo-restored'
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-s3-test-'))

let server: S3rver
let endpoint: string
let s3: S3
let app: TestApp
let target: TestDatabase | undefined
let seed: Awaited<ReturnType<typeof seedClass>>
let admin: ApiClient
let alice: ApiClient
let bob: ApiClient

const s3Env = (bucket: string) => ({
  KORRIGO_S3_BUCKET: bucket,
  KORRIGO_S3_ENDPOINT: endpoint,
  KORRIGO_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  KORRIGO_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
})

const keysIn = async (bucket: string) => ((await s3.listObjectsV2({ Bucket: bucket })).Contents ?? []).map((o) => o.Key!).sort()
const objectBytes = async (bucket: string, key: string) => Buffer.from(await (await s3.getObject({ Bucket: bucket, Key: key })).Body!.transformToByteArray())
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Every file under a folder (none when it does not exist). */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : []

const uploadMedia = async ({ client, name, bytes, data }: { client: ApiClient; name: string; bytes: Uint8Array; data: Record<string, unknown> }) => {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), name)
  form.append('_payload', JSON.stringify(data))
  return client.request('POST', '/api/media', form)
}

/** A file URL fetched as a browser would, with the client's token if any: status and bytes. */
const download = async (client: ApiClient | undefined, url: string) => {
  const response = await fetch(`${app.baseUrl}${url}`, { headers: client?.token ? { authorization: `JWT ${client.token}` } : {} })
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
}


beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(work, 's3'), configureBuckets: [{ name: BUCKET, configs: [] }, { name: RESTORED_BUCKET, configs: [] }] })
  const { port } = (await server.run()) as AddressInfo
  endpoint = `http://127.0.0.1:${port}`
  s3 = new S3({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS })
  app = await startTestApp({ jobs: [PROCESS_SCAN_BATCH], env: s3Env(BUCKET) })
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  bob = await signIn({ baseUrl: app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
}, 120_000)

afterAll(async () => {
  await app?.close()
  await target?.drop()
  await server?.close()
  fs.rmSync(work, { recursive: true, force: true })
}, 120_000)

describe('files on S3-compatible storage', () => {
  // An unredacted copy and the scan batch uploaded by the first test: the later ones read them.
  let copyPdf: { filename: string; url: string; bytes: Uint8Array }
  let batchFile: { filename: string; url: string }

  it('stores an uploaded PDF and a scan batch as objects in the bucket, nothing on the node’s disk', async () => {
    const bytes = goodScan(1, 7)
    const media = await uploadMedia({ client: admin, name: 'copie-maths.pdf', bytes, data: { kind: 'copy-pdf', exam: seed.maths.id } })
    expect(media.status).toBe(201)
    copyPdf = { filename: media.body.doc.filename, url: media.body.doc.url, bytes }

    const { bytes: scans, truth } = await getBatch('a4-mini')
    const exam = await app.runtime.payload.create({ collection: 'exams', data: { title: 'Sur S3', layout: 'auto', correctors: [seed.alice.id], gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })
    const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'classe-s3.pdf', bytes: scans })
    const stored = await app.runtime.payload.findByID({ collection: 'scan-batches', id: batch.id, overrideAccess: true })
    batchFile = { filename: stored.filename!, url: stored.url! }

    const keys = await keysIn(BUCKET)
    expect(keys).toEqual(expect.arrayContaining([`media/${copyPdf.filename}`, `scan-batches/${batchFile.filename}`]))
    expect(sha(await objectBytes(BUCKET, `media/${copyPdf.filename}`))).toBe(sha(bytes))
    expect(sha(await objectBytes(BUCKET, `scan-batches/${batchFile.filename}`))).toBe(sha(scans))
    expect((await s3.headObject({ Bucket: BUCKET, Key: `media/${copyPdf.filename}` })).ContentType).toBe('application/pdf')
    expect(filesUnder(path.join(app.dataDir, 'media'))).toEqual([])
    // No browser uploads straight to the bucket: the admin gets none of the adapter's components (its import map is unchanged).
    expect(JSON.stringify(app.runtime.payload.config.admin)).not.toContain('storage-s3')

    // The job reads the batch from the bucket, cuts it into copies and stores their PDFs there too.
    const done = await waitForBatch({ payload: app.runtime.payload, id: batch.id })
    expect({ status: done.status, problems: done.problems }).toMatchObject({ status: 'done' })
    const copies = await copiesOfExam(app.runtime.payload, exam.id)
    expect(copies).toHaveLength(truth.copies.length)
    const after = await keysIn(BUCKET)
    for (const [index, copy] of copies.entries()) {
      const media = await app.runtime.payload.findByID({ collection: 'media', id: copy.pdf as number, overrideAccess: true })
      expect(after).toContain(`media/${media.filename}`)
      const pdf = await PDFDocument.load(await readUpload({ payload: app.runtime.payload, collection: 'media', doc: media }))
      expect(pdf.getPageCount()).toBe(truth.copies[index]!.pages.length)
    }
    expect(filesUnder(path.join(app.dataDir, 'media'))).toEqual([])
    // The job read the batch from one copy in data/tmp, downloaded once and shared by its slices and readers.
    const copiesDir = path.join(app.dataDir, 'tmp', 's3-copies')
    const [local, ...more] = filesUnder(copiesDir)
    expect(more).toEqual([])
    expect(sha(fs.readFileSync(local!))).toBe(sha(scans))
    const again = await localFileOfUpload({ payload: app.runtime.payload, collection: 'scan-batches', doc: stored })
    expect({ path: again.path, ino: fs.statSync(again.path).ino }).toEqual({ path: local, ino: fs.statSync(local!).ino })
    await again.release()
  }, 60_000)

  it('serves files through Payload’s access control: a teacher gets the redacted copy of an exam they mark, nothing else', async () => {
    const { payload } = app.runtime
    const redactedBytes = goodScan(1, 9)
    const redacted = await storeMedia({ payload, bytes: redactedBytes, name: 'copie-anonyme.pdf', mimetype: 'application/pdf', data: { kind: 'redacted-pdf', exam: seed.maths.id } })
    expect(await keysIn(BUCKET)).toContain(`media/${redacted.filename}`)
    expect(redacted.url).toMatch(/^\/api\/media\/file\//)
    const own = await download(alice, redacted.url!)
    expect(own).toMatchObject({ status: 200, type: 'application/pdf' })
    expect(sha(own.bytes)).toBe(sha(redactedBytes))
    // Bob marks another exam, and nobody signed in gets anything.
    expect((await download(bob, redacted.url!)).status).toBe(403)
    expect((await download(undefined, redacted.url!)).status).toBe(403)
    // The unredacted copy shows the student's name: admins only, on S3 as on disk, even to the exam's teacher.
    expect((await download(alice, copyPdf.url)).status).toBe(403)
    const original = await download(admin, copyPdf.url)
    expect(original.status).toBe(200)
    expect(sha(original.bytes)).toBe(sha(copyPdf.bytes))
    // The raw scans, names and all: admins only.
    expect((await download(alice, batchFile.url)).status).toBe(403)
    expect((await download(bob, batchFile.url)).status).toBe(403)
    expect((await download(admin, batchFile.url)).status).toBe(200)
    // A document whose object is gone answers 404, not a 500.
    await s3.deleteObject({ Bucket: BUCKET, Key: `media/${redacted.filename}` })
    expect((await download(alice, redacted.url!)).status).toBe(404)
    await payload.delete({ collection: 'media', id: redacted.id, overrideAccess: true })
  })

  it('deletes the object with its document, and sweeps objects no document names', async () => {
    const { payload } = app.runtime
    const doomed = await storeMedia({ payload, bytes: goodScan(1, 11), name: 'a-supprimer.pdf', mimetype: 'application/pdf', data: { kind: 'export', exam: seed.maths.id } })
    expect(await keysIn(BUCKET)).toContain(`media/${doomed.filename}`)
    await payload.delete({ collection: 'media', id: doomed.id, overrideAccess: true })
    expect(await keysIn(BUCKET)).not.toContain(`media/${doomed.filename}`)

    await s3.putObject({ Bucket: BUCKET, Key: 'media/stray.pdf', Body: Buffer.from(goodScan(1, 12)) })
    const before = await keysIn(BUCKET)
    // Young objects are left alone (an upload whose row is not committed yet)…
    expect((await sweepOrphanUploads({ payload, olderThanMs: 3_600_000 })).flatMap((r) => r.removed)).toEqual([])
    // …old ones no row names are removed, and only those.
    const report = await sweepOrphanUploads({ payload, olderThanMs: 60_000, now: Date.now() + 120_000 })
    expect(report.flatMap((r) => r.removed)).toEqual([`s3://${BUCKET}/media/stray.pdf`])
    expect(await keysIn(BUCKET)).toEqual(before.filter((key) => key !== 'media/stray.pdf'))
  })

  it('backs up the files held in the bucket and restores them into another bucket', async () => {
    const { payload } = app.runtime
    const archive = path.join(work, 'backup.tar.gz')
    const manifest = await createBackup({ payload, out: archive })
    expect(manifest.warnings).toEqual([])
    const files = manifest.entries.filter((e) => e.path.startsWith('files/'))
    // Every object of the bucket is in the archive, with the object's own bytes.
    const keys = await keysIn(BUCKET)
    expect(files.map((e) => e.path.replace(/^files\//, '')).sort()).toEqual(keys)
    const into = path.join(work, 'extracted')
    await extractArchive({ file: archive, into })
    for (const key of keys) expect({ key, sha: sha(fs.readFileSync(path.join(into, 'files', key))) }).toEqual({ key, sha: sha(await objectBytes(BUCKET, key)) })

    // A fresh install on another bucket: the restore puts every file there, typed, and nothing on its disk.
    target = await createTestDatabase()
    const restoredData = path.join(work, 'restored-data')
    const restore = await runKorrigo(['restore', archive], { DATABASE_URL: target.url, KORRIGO_DATA_DIR: restoredData, ...s3Env(RESTORED_BUCKET) })
    expect({ code: restore.code, stderr: restore.stderr.slice(-2000) }).toMatchObject({ code: 0 })
    expect(await keysIn(RESTORED_BUCKET)).toEqual(keys)
    for (const key of keys) expect({ key, sha: sha(await objectBytes(RESTORED_BUCKET, key)) }).toEqual({ key, sha: sha(await objectBytes(BUCKET, key)) })
    expect((await s3.headObject({ Bucket: RESTORED_BUCKET, Key: `media/${copyPdf.filename}` })).ContentType).toBe('application/pdf')
    expect(filesUnder(path.join(restoredData, 'media'))).toEqual([])
  }, 60_000)
})
