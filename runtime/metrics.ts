import type { Agenda } from 'agenda'
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import client from 'prom-client'

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
export const metricsRouter = (): Router => {
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
