import type { Agenda } from 'agenda'
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import type { Payload } from 'payload'
import client from 'prom-client'

import { COUNTERS, readCounter } from './counters'

import { config } from './config'

/** Prometheus metrics, one registry per process (app and worker each expose their own). */
export const registry = new client.Registry()
client.collectDefaultMetrics({ register: registry, prefix: 'korrigo_' })

const httpRequests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests by method, route family and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
})
const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})
export const jobsTotal = new client.Counter({
  name: 'jobs_total',
  help: 'Agenda jobs finished, by name and outcome',
  labelNames: ['name', 'outcome'] as const,
  registers: [registry],
})
export const jobDuration = new client.Histogram({
  name: 'job_duration_seconds',
  help: 'Agenda job duration',
  labelNames: ['name'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [registry],
})

// Read when scraped, from the database and the queue: the same answer in the app and in every worker.
let source: { payload: Payload; agenda: Agenda } | undefined

new client.Counter({
  name: COUNTERS.scanPages,
  help: 'Scanned pages analysed by this process, by outcome (analysed, failed: over a limit, past the page deadline, unreadable)',
  labelNames: ['outcome'] as const,
  registers: [registry],
  collect() {
    this.reset()
    for (const { labels, value } of readCounter(COUNTERS.scanPages)) this.inc(labels as { outcome: string }, value)
  },
})

const JOB_STATES = ['queued', 'running', 'scheduled', 'failed', 'repeating'] as const
type Overview = Awaited<ReturnType<Agenda['getJobsOverview']>>
// Both job gauges are collected in one scrape: one query for the two.
let overview: { at: number; value: Promise<Overview> } | undefined
const jobsOverview = (): Promise<Overview> => {
  if (!source) return Promise.resolve([])
  if (!overview || Date.now() - overview.at > 1000) overview = { at: Date.now(), value: source.agenda.getJobsOverview().catch(() => []) }
  return overview.value
}
new client.Gauge({
  name: 'jobs',
  help: 'Agenda jobs in the database by name and state (queued: due and waiting for a worker; scheduled: due later; failed: last run failed)',
  labelNames: ['name', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    for (const job of await jobsOverview()) for (const state of JOB_STATES) this.set({ name: job.name, state }, job[state])
  },
})
new client.Gauge({
  name: 'job_queue_depth',
  help: 'Agenda jobs due and waiting for a worker, by name',
  labelNames: ['name'] as const,
  registers: [registry],
  async collect() {
    this.reset()
    for (const job of await jobsOverview()) this.set({ name: job.name }, job.queued)
  },
})

const BATCH_STATUSES = ['queued', 'processing', 'done', 'partial', 'failed'] as const
new client.Gauge({
  name: 'scan_batches',
  help: 'Scan batches by status',
  labelNames: ['status'] as const,
  registers: [registry],
  async collect() {
    if (!source) return
    const { payload } = source
    const counts = await Promise.all(
      BATCH_STATUSES.map((status) => payload.count({ collection: 'scan-batches', where: { status: { equals: status } }, overrideAccess: true }).then((r) => r.totalDocs, () => undefined)),
    )
    BATCH_STATUSES.forEach((status, i) => counts[i] !== undefined && this.set({ status }, counts[i]))
  },
})

/** Low-cardinality route label: the first two path segments, ids folded away. */
const routeFamily = (path: string): string =>
  path
    .split('/')
    .slice(0, 4)
    .map((segment) => (/^\d+$|^[0-9a-f-]{16,}$/i.test(segment) ? ':id' : segment))
    .join('/') || '/'

export const metricsMiddleware = (req: Request, res: Response, next: NextFunction): void => {
  // Routers rewrite req.path as they match; the original URL is what was asked.
  const route = routeFamily(req.originalUrl.split('?')[0] ?? '/')
  const stop = httpDuration.startTimer({ method: req.method, route })
  res.on('finish', () => {
    stop()
    httpRequests.inc({ method: req.method, route, status: String(res.statusCode) })
  })
  next()
}

/** A job in an Agenda event: a local Job (attrs) or, for events from other processes, a notification. */
const jobName = (job: unknown): string => {
  const value = job as { attrs?: { name?: string }; jobName?: string; name?: string } | undefined
  return value?.attrs?.name ?? value?.jobName ?? value?.name ?? 'unknown'
}

/** Times every job this process runs (the worker's jobs are counted by the worker). */
export const instrumentAgenda = (agenda: Agenda): void => {
  const started = new WeakMap<object, number>()
  agenda.on('start', (job, remote) => {
    if (!remote && job) started.set(job, performance.now())
  })
  const finish = (job: unknown, remote: unknown, outcome: string) => {
    // Runs elsewhere are counted by the process that ran them.
    if (remote || !job) return
    const start = started.get(job as object)
    if (start !== undefined) jobDuration.observe({ name: jobName(job) }, (performance.now() - start) / 1000)
    jobsTotal.inc({ name: jobName(job), outcome })
  }
  agenda.on('success', ((job: unknown, remote: unknown) => finish(job, remote, 'success')) as never)
  agenda.on('fail', ((_error: unknown, job: unknown, remote: unknown) => finish(job, remote, 'failure')) as never)
}

/**
 * GET /api/metrics in the Prometheus text format. With KORRIGO_METRICS_TOKEN set, a matching bearer
 * token is required; without it, only requests from this machine get through.
 */
export const metricsRouter = (runtime?: { payload: Payload; agenda: Agenda }): Router => {
  if (runtime) source = { payload: runtime.payload, agenda: runtime.agenda }
  const router = Router()
  router.get('/', async (req, res) => {
    const token = config().KORRIGO_METRICS_TOKEN
    const allowed = token ? req.get('authorization') === `Bearer ${token}` : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '')
    if (!allowed) {
      res.status(403).json({ errors: [{ message: token ? 'A valid metrics token is required' : 'Metrics are served to this machine only (set KORRIGO_METRICS_TOKEN)' }] })
      return
    }
    res.set('content-type', registry.contentType).send(await registry.metrics())
  })
  return router
}
