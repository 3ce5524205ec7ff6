import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { AddressInfo } from 'node:net'

import { S3 } from '@aws-sdk/client-s3'
import pg from 'pg'
import S3rver from 's3rver'

import { freePort, spawnProject, type Spawned } from '../../e2e/helpers/processes'
import { getBatch } from '../../fixtures/scans'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { apiClient, signIn, type ApiClient } from '../helpers/http'
import { uploadBatch } from '../helpers/scans'
import { waitUntil } from '../helpers/wait'

/**
 * Issue 16, point 3: Korrigo as a cluster — two app nodes and two workers, separate processes, one
 * PostgreSQL and one S3 server (s3rver on this machine); each process has a data dir of its own, so nothing
 * can go through a shared disk. A batch uploaded to one node is processed exactly once by the
 * workers sharing its slices (its own job and a lane, KORRIGO_SCAN_LANES); a worker holding one of them is
 * killed with SIGKILL mid-batch and the other finishes it with no page lost or duplicated; a session opened
 * on one node works on the other.
 */
let database: TestDatabase
let dataDir: string
let s3server: S3rver
let s3: S3
let s3Endpoint: string
const BUCKET = 'korrigo-cluster'
const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
const nodes: { name: string; process: Spawned; baseUrl?: string }[] = []

const common = (name: string) => ({
  DATABASE_URL: database.url,
  KORRIGO_DATA_DIR: path.join(dataDir, name),
  KORRIGO_S3_BUCKET: BUCKET,
  KORRIGO_S3_ENDPOINT: s3Endpoint,
  KORRIGO_S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
  KORRIGO_S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
  PAYLOAD_SECRET: 'cluster-test-secret',
  KORRIGO_ADMIN: 'off',
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  // Short slices and a short lock: the batch changes hands often, and a dead worker's slice is taken over fast.
  // Not shorter than 15 s: on a slow machine under the suite's load a live run's heartbeat came late at 5 s.
  KORRIGO_SCAN_SLICE_PAGES: '4',
  KORRIGO_SCAN_LOCK_MS: '15000',
  // Its own job and one lane: both workers on the batch at once.
  KORRIGO_SCAN_LANES: '2',
})

/** The project's own entry points, run by node itself: a SIGKILL reaches the process that does the work. */
const start = ({ name, script, env }: { name: string; script: string; env: Record<string, string> }) => {
  const process_ = spawnProject({ command: process.execPath, args: ['--import', 'tsx', script], env: { ...common(name), ...env } })
  const node = { name, process: process_ }
  nodes.push(node)
  return node
}

const startApp = async (name: string) => {
  const port = await freePort()
  const node = start({ name, script: 'server.ts', env: { PORT: String(port), HOST: '127.0.0.1', KORRIGO_WORKER: 'external' } })
  const baseUrl = `http://127.0.0.1:${port}`
  await waitUntil(`${name} to be ready`, async () => (await fetch(`${baseUrl}/api/health/ready`).catch(() => undefined))?.ok, 180_000)
  return { ...node, baseUrl }
}

const startWorker = async (name: string) => {
  const node = start({ name, script: 'jobs/worker.ts', env: { KORRIGO_JOBS: 'process-scan-batch,analyze-scan-pages' } })
  await node.process.waitFor(/worker running jobs/, 180_000)
  return node
}

beforeAll(async () => {
  database = await createTestDatabase()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-cluster-'))
  s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(dataDir, 's3'), configureBuckets: [{ name: BUCKET, configs: [] }] })
  s3Endpoint = `http://127.0.0.1:${((await s3server.run()) as AddressInfo).port}`
  s3 = new S3({ endpoint: s3Endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_CREDENTIALS })
}, 120_000)

afterAll(async () => {
  for (const node of nodes) await node.process.stop()
  // Kept for post-mortems: what each process printed.
  for (const node of nodes) fs.writeFileSync(path.join(os.tmpdir(), `korrigo-cluster-${node.name}.log`), node.process.output())
  await database?.drop()
  await s3server?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}, 120_000)

/** Which workers hold the batch's jobs now (its own and its lanes: Agenda records each holder's name, `worker-<pid>`). */
const holders = async (): Promise<string[]> => {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    const { rows } = await client.query(`select name, last_modified_by from agenda_jobs where name in ('process-scan-batch', 'analyze-scan-pages') and locked_at is not null order by name desc`)
    return rows.map((row) => row.last_modified_by as string)
  } finally {
    await client.end()
  }
}

it('processes a batch exactly once across two workers, survives losing one, and serves a session on either node', async () => {
  const [a, b] = await Promise.all([startApp('app-a'), startApp('app-b')])
  const workers = await Promise.all([startWorker('worker-1'), startWorker('worker-2')])

  // The first admin registers on node A and signs in on node B.
  const register = await apiClient({ baseUrl: a.baseUrl }).request('POST', '/api/users/first-register', { email: 'root@school.test', password: 'root-password-1', name: 'Root' })
  expect(register.status).toBe(200)
  const adminOnB = await signIn({ baseUrl: b.baseUrl, email: 'root@school.test', password: 'root-password-1' })
  const adminOnA = apiClient({ baseUrl: a.baseUrl, token: adminOnB.token })
  // A teacher's session, opened on one node, is the same on the other.
  expect((await adminOnA.request('POST', '/api/users', { email: 'tess@school.test', password: 'tess-password-1', name: 'Tess', role: 'teacher' })).status).toBe(201)
  const teacherOnA = await signIn({ baseUrl: a.baseUrl, email: 'tess@school.test', password: 'tess-password-1' })
  const teacherOnB = apiClient({ baseUrl: b.baseUrl, token: teacherOnA.token })
  expect((await teacherOnB.request('GET', '/api/users/me')).body.user).toMatchObject({ email: 'tess@school.test', role: 'teacher' })
  // …with the same rights: a teacher may not create an exam on either node.
  expect((await teacherOnB.request('POST', '/api/exams', { title: 'Not mine' })).status).toBe(403)

  // Created on B, uploaded to A, followed on B.
  const exam = (await adminOnB.request('POST', '/api/exams', { title: 'Cluster', layout: 'a4' })).body.doc as { id: number }
  const { bytes, truth } = await getBatch('a4-class')
  const batch = await uploadBatch({ client: adminOnA, exam: exam.id, name: 'a4-class.pdf', bytes })
  const progress = async () => (await adminOnB.request('GET', `/api/scan-batches/${batch.id}?depth=0`)).body as { status: string; progress?: { pagesDone?: number } }

  // Both workers on the one batch at once (its job and its lane); mid-batch, a worker holding it dies without a word.
  let together = 0
  const victim = await waitUntil(
    'a worker to hold the batch a third of the way in',
    async () => {
      const now = await holders()
      together = Math.max(together, new Set(now).size)
      return ((await progress()).progress?.pagesDone ?? 0) >= truth.pageCount / 3 && now[0]
    },
    300_000,
    100,
  )
  expect(together).toBe(2)
  const killed = workers.find((w) => `worker-${w.process.child.pid}` === victim)
  expect(killed).toBeDefined()
  killed!.process.child.kill('SIGKILL')
  await killed!.process.stop()
  const survivor = workers.find((w) => w !== killed)!
  expect((await progress()).status).not.toBe('done')

  const done = await waitUntil('the other worker to finish the batch', async () => ['done', 'failed'].includes((await progress()).status) && progress(), 300_000)
  expect([done.status, done.status === 'done' ? '' : survivor.process.output().slice(-3000)]).toEqual(['done', ''])

  // Every page once, every copy once, every page in exactly one copy.
  const pages = (await adminOnA.request('GET', `/api/scan-pages?where[batch][equals]=${batch.id}&limit=0&depth=0`)).body.docs as { sourcePage: number }[]
  expect(pages.map((p) => p.sourcePage).sort((x, y) => x - y)).toEqual(Array.from({ length: truth.pageCount }, (_, i) => i + 1))
  const copies = (await adminOnB.request('GET', `/api/copies?where[exam][equals]=${exam.id}&limit=0&depth=0`)).body.docs as { sourceKey: string; pages: { sourcePage: number }[] }[]
  expect(copies).toHaveLength(truth.copies.length)
  expect(new Set(copies.map((c) => c.sourceKey)).size).toBe(copies.length)
  expect(copies.flatMap((c) => c.pages.map((p) => p.sourcePage)).sort((x, y) => x - y)).toEqual(Array.from({ length: truth.pageCount }, (_, i) => i + 1))
  // The survivor did work after the kill (its slices are in its log as job runs).
  expect(survivor.process.child.exitCode).toBeNull()

  // The files are in the bucket, not on a node's disk: a copy cut by a worker is served by either app node.
  const keys = ((await s3.listObjectsV2({ Bucket: BUCKET })).Contents ?? []).map((o) => o.Key!)
  expect(keys).toContain(`scan-batches/${((await progress()) as { filename?: string }).filename}`)
  const media = (await adminOnA.request('GET', `/api/media?where[kind][equals]=copy-pdf&limit=0&depth=0`)).body.docs as { filename: string; url: string }[]
  expect(media).toHaveLength(truth.copies.length)
  for (const file of media) expect(keys).toContain(`media/${file.filename}`)
  for (const node of [a, b]) {
    const response = await fetch(`${node.baseUrl}${media[0]!.url}`, { headers: { authorization: `JWT ${adminOnA.token}` } })
    expect([response.status, Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()]).toEqual([200, '%PDF-'])
  }
}, 900_000)
