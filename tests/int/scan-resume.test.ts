import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getBatch } from '../fixtures/scans'
import { spawnProject, type Spawned } from '../e2e/helpers/processes'
import { startTestApp, type TestApp } from './helpers/app'
import { signIn } from './helpers/http'
import { copiesOfExam, uploadBatch, waitForBatch } from './helpers/scans'

/**
 * The worker is a separate process (`npm run worker`), killed with SIGKILL in the middle of a batch;
 * a new worker takes the job over once its lock expires and finishes it without losing or
 * duplicating anything.
 */
let app: TestApp
const workers: Spawned[] = []

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
}, 300_000)

afterAll(async () => {
  for (const worker of workers) await worker.stop()
  // Kept for post-mortems: what each worker printed.
  workers.forEach((worker, index) => fs.writeFileSync(path.join(os.tmpdir(), `korrigo-resume-worker-${index + 1}.log`), worker.output()))
  await app?.close()
})

const startWorker = () => {
  // node itself rather than `npm run worker`: a SIGKILL must reach the process doing the work, not npm
  // (whose children would live on and finish the batch themselves).
  const worker = spawnProject({
    command: process.execPath,
    args: ['--import', 'tsx', 'jobs/worker.ts'],
    env: {
      DATABASE_URL: app.database.url,
      KORRIGO_DATA_DIR: app.dataDir,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
      // Short, so the killed worker's lock expires soon; not shorter: on a slow machine under the suite's load a
      // live run's heartbeat came late at 6 s.
      KORRIGO_SCAN_LOCK_MS: '15000',
      // Only what the test looks at: stopping a worker then waits for no identification run to drain.
      KORRIGO_JOBS: 'process-scan-batch',
    },
  })
  workers.push(worker)
  return worker
}

it('finishes a batch after its worker is killed mid-way, with no page lost and no copy twice', async () => {
  const { payload } = app.runtime
  const { bytes, truth } = await getBatch('a4-class')
  await payload.create({ collection: 'users', data: { email: 'root@school.test', password: 'root-password-1', role: 'admin' } })
  const admin = await signIn({ baseUrl: app.baseUrl, email: 'root@school.test', password: 'root-password-1' })
  const exam = await payload.create({ collection: 'exams', data: { title: 'Crash test', layout: 'a4' } })
  const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'a4-class.pdf', bytes })

  const first = startWorker()
  await first.waitFor(/worker running jobs/, 120_000)
  let pagesDone = 0
  for (let i = 0; i < 600 && pagesDone < truth.pageCount * 0.3; i++) {
    await new Promise((r) => setTimeout(r, 200))
    pagesDone = (await payload.findByID({ collection: 'scan-batches', id: batch.id, depth: 0 })).progress?.pagesDone ?? 0
  }
  first.child.kill('SIGKILL')
  await first.stop()
  const stored = await payload.count({ collection: 'scan-pages', where: { batch: { equals: batch.id } } })
  expect(stored.totalDocs).toBeGreaterThan(0)
  expect(stored.totalDocs).toBeLessThan(truth.pageCount)

  const second = startWorker()
  await second.waitFor(/worker running jobs/, 120_000)
  const done = await waitForBatch({ payload, id: batch.id, timeoutMs: 300_000 }).catch((error: Error) => {
    throw new Error(`${error.message}\n--- second worker ---\n${second.output().slice(-4000)}`)
  })
  // A failed batch says why (its problems, the second worker's log): the test then shows it, not just "failed".
  expect([done.status, done.status === 'done' ? '' : `${JSON.stringify(done.problems)}\n${second.output().slice(-3000)}`]).toEqual(['done', ''])

  const pages = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batch.id } }, limit: 0, pagination: false, depth: 0 })
  expect(pages.docs.map((p) => p.sourcePage).sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: truth.pageCount }, (_, i) => i + 1))
  const copies = await copiesOfExam(payload, exam.id)
  expect(new Set(copies.map((c) => c.sourceKey)).size).toBe(copies.length)
  expect(copies).toHaveLength(truth.copies.length)
  const placed = copies.flatMap((c) => c.pages!.map((p: any) => p.sourcePage)).sort((a, b) => a - b)
  expect(placed).toEqual(Array.from({ length: truth.pageCount }, (_, i) => i + 1))
  expect(copies.every((c) => c.pdf)).toBe(true)
}, 600_000)
