import { goodScan } from '../../fixtures/hostile/pdfs'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { uploadBatch, waitForBatch } from '../helpers/scans'
import { seedClass } from '../helpers/seed'

let app: TestApp
let admin: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>

const scrape = async () => {
  const response = await fetch(`${app.baseUrl}/api/metrics`)
  expect(response.status).toBe(200)
  return response.text()
}
const value = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : undefined
}
/**
 * Agenda tells a job failed before it has saved the job as failed: on a busy machine the next scrape came before the
 * save (CI rehearsal of 2026-12-07: 0 failed jobs in the database). Scraped again until `ready`, for 30 s at most.
 */
const scrapeUntil = async (ready: (text: string) => boolean): Promise<string> => {
  const deadline = Date.now() + 30_000
  for (;;) {
    const text = await scrape()
    if (ready(text) || Date.now() > deadline) return text
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
const jobDone = (name: string, outcome: 'success' | 'fail') =>
  new Promise<void>((resolve) => app.runtime.agenda.once(`${outcome}:${name}`, () => resolve()))

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
}, 300_000)

afterAll(async () => app?.close(), 420_000)

test('/api/metrics counts jobs (by name, outcome, duration), pages processed, queue depth and batches by status', async () => {
  const exam = await app.runtime.payload.create({ collection: 'exams', data: { title: 'Metrics', correctors: [seed.alice.id] } })
  const batch = await uploadBatch({ client: admin, exam: exam.id, name: 'metrics.pdf', bytes: goodScan(3, 77) })
  expect((await waitForBatch({ payload: app.runtime.payload, id: batch.id })).status).toBe('done')
  // A job that fails: a batch that does not exist.
  const failed = jobDone('process-scan-batch', 'fail')
  expect((await admin.request('POST', '/api/korrigo/jobs/process-scan-batch', { batchId: 999999 })).status).toBe(202)
  await failed
  // A job scheduled for later: the queue shows it.
  await app.runtime.agenda.schedule('in 2 hours', 'cleanup-old-files', {})

  const text = await scrapeUntil((t) => value(t, 'jobs{name="process-scan-batch",state="failed"}') === 1)
  expect(value(text, 'jobs_total{name="process-scan-batch",outcome="success"}')).toBeGreaterThanOrEqual(1)
  expect(value(text, 'jobs_total{name="process-scan-batch",outcome="failure"}')).toBe(1)
  expect(value(text, 'job_duration_seconds_count{name="process-scan-batch"}')).toBeGreaterThanOrEqual(2)
  expect(value(text, 'job_duration_seconds_sum{name="process-scan-batch"}')).toBeGreaterThan(0)
  expect(value(text, 'scan_pages_processed_total{outcome="analysed"}')).toBe(3)
  expect(value(text, 'scan_batches{status="done"}')).toBe(1)
  expect(value(text, 'scan_batches{status="failed"}')).toBe(0)
  expect(value(text, 'jobs{name="cleanup-old-files",state="scheduled"}')).toBeGreaterThanOrEqual(1)
  expect(value(text, 'jobs{name="process-scan-batch",state="failed"}')).toBe(1)
  expect(text).toMatch(/^job_queue_depth\{name="process-scan-batch"\} 0$/m)
  expect(text).toMatch(/^# HELP job_queue_depth /m)
}, 600_000)
