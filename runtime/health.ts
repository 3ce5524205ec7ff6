import type { Agenda } from 'agenda'
import { Router } from 'express'
import type { Payload } from 'payload'

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref())])

export type ReadinessReport = { status: 'ok' | 'unavailable'; checks: Record<string, { ok: boolean; ms: number; error?: string }> }

const timed = async (what: string, check: () => Promise<unknown>): Promise<{ ok: boolean; ms: number; error?: string }> => {
  const start = performance.now()
  try {
    await withTimeout(check(), 3000, what)
    return { ok: true, ms: Math.round(performance.now() - start) }
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - start), error: (error as Error).message }
  }
}

/** Ready means: the database answers a real query and the job queue can read its backend. */
export const checkReadiness = async ({ payload, agenda }: { payload: Payload; agenda: Agenda }): Promise<ReadinessReport> => {
  const [database, queue] = await Promise.all([
    timed('database', () => payload.count({ collection: 'users', overrideAccess: true })),
    timed('job queue', () => agenda.queryJobs({ limit: 1 })),
  ])
  const checks = { database, queue }
  return { status: database.ok && queue.ok ? 'ok' : 'unavailable', checks }
}

export const healthRouter = ({ payload, agenda }: { payload: Payload; agenda: Agenda }): Router => {
  const router = Router()
  router.get('/live', (_req, res) => {
    res.json({ status: 'ok', uptime: Math.round(process.uptime()) })
  })
  router.get('/ready', async (_req, res) => {
    const report = await checkReadiness({ payload, agenda })
    res.status(report.status === 'ok' ? 200 : 503).json(report)
  })
  return router
}
