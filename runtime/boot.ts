import type { Agenda } from 'agenda'
import type { Payload } from 'payload'

import { announceNewJobs, closeEnqueueOnly, createAgenda, defineJobs } from '../jobs/agenda'
import { setQueue } from '../jobs/queue'
import { resolveDatabase, type ResolvedDatabase } from './database'
import { config as configuration, resetConfig } from './config'
import { isPostgres } from './database-url'
import { logger } from './logger'
import { instrumentAgenda } from './metrics'
import { runMigrations } from './migrate'
import { assertNodeVersion } from './node-version'
import { flushAuditEvents } from '../plugins/audit/services/appender'

/** How long a stop waits for running jobs (KORRIGO_DRAIN_MS). */
export const drainMs = (): number => configuration().KORRIGO_DRAIN_MS

export type Runtime = {
  payload: Payload
  agenda: Agenda
  database: ResolvedDatabase
  jobNames: string[]
  /** Stops everything this process started, in dependency order. */
  stop: () => Promise<void>
}

type PgPool = {
  end: () => Promise<void>
  ended?: boolean
  _clients?: { release?: (destroy: boolean) => void }[]
  _idle?: { client: unknown }[]
}

/** How long one step of a stop may take before the stop goes on without it. */
const STEP_MS = 10_000

/** A step of a stop, given up (and logged) when it fails or takes longer than `ms`. */
const within = async <T>(ms: number, step: string, work: Promise<T> | undefined): Promise<T | undefined> => {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      logger.warn({ step, ms }, 'stop step took too long; going on without it')
      resolve(undefined)
    }, ms)
    timer.unref()
  })
  try {
    return await Promise.race([Promise.resolve(work).catch((err: Error) => (logger.warn({ err, step }, 'stop step failed'), undefined)), late])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Payload's `destroy()` leaves its pg pool open, and its adapter keeps one client checked out for ever
 * (to notice a lost connection), so `pool.end()` alone would wait for ever: end that client too.
 */
const closePayload = async (payload: Payload): Promise<void> => {
  await payload.destroy().catch((err) => logger.warn({ err }, 'payload.destroy failed'))
  const pool = (payload.db as { pool?: PgPool }).pool
  if (!pool || pool.ended) return
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  const checkedOut = (pool._clients ?? []).filter((client) => !idle.has(client))
  const ending = pool.end().catch(() => undefined)
  // Releasing with destroy=true closes the connection and lets the pool finish ending.
  for (const client of checkedOut) client.release?.(true)
  await Promise.race([ending, new Promise((resolve) => setTimeout(resolve, 3000).unref())])
}

export const bootRuntime = async ({
  name,
  processJobs,
}: {
  name: string
  /** false: this process only enqueues (the app with KORRIGO_WORKER=external). */
  processJobs: boolean
}): Promise<Runtime> => {
  assertNodeVersion()
  // A bad value stops the start here, every wrong variable named.
  configuration()
  const database = await resolveDatabase()
  // The Payload config reads DATABASE_URL when imported (also Next's own bundle of it): point it at what
  // we resolved first.
  process.env.DATABASE_URL = database.url
  resetConfig()
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../payload.config')])
  const payload = await getPayload({ config })
  const pool = (payload.db as { pool?: { on: (e: string, cb: (err: Error) => void) => void } }).pool
  // A restarting database must surface as errors on requests, not crash the process.
  pool?.on('error', (err) => logger.error({ err }, 'database pool error'))
  await runMigrations({ payload, kind: database.kind, url: database.url })

  const agenda = await createAgenda({ url: database.url, name })
  instrumentAgenda(agenda)
  const jobNames = await defineJobs({ agenda, payload, schedule: processJobs, only: configuration().KORRIGO_JOBS })
  if (processJobs) await agenda.start()
  else await announceNewJobs(agenda)
  setQueue(agenda)
  logger.info({ database: isPostgres(database.kind) ? 'postgres' : 'mongodb', processJobs, jobs: jobNames }, `${name} ready`)

  let stopped: Promise<void> | undefined
  const stop = () =>
    (stopped ??= (async () => {
      setQueue(undefined)
      // Let running jobs finish (their work is resumable, but a job cut mid-way wastes it, and native
      // OCR code must not be torn down under a running inference); then unlock whatever is left.
      // Every step is bounded: a job that ignores the drain (native OCR mid-inference) or a connection that
      // will not end must not keep a stop waiting forever (tests and `korrigo` commands stop this way too).
      const drained = await within(drainMs() + STEP_MS, 'agenda.drain', agenda.drain(drainMs()))
      if (!drained || drained.timedOut) await within(STEP_MS, 'agenda.stop', agenda.stop())
      // An Agenda that never started (a process that only enqueues) does not close its connections on
      // drain or stop: left open, they die with an error when the database goes away.
      if (!processJobs) await within(STEP_MS, 'agenda backend disconnect', closeEnqueueOnly(agenda))
      // Audit events are written just after the action they record: the last ones go in before the pool closes.
      await within(10_000, 'audit flush', flushAuditEvents(payload))
      await within(STEP_MS, 'payload close', closePayload(payload))
      if (database.stop) await database.stop().catch((err) => logger.warn({ err }, 'embedded PostgreSQL stop failed'))
    })())

  return { payload, agenda, database, jobNames, stop }
}

/** SIGINT/SIGTERM stop in order; a hard timer makes sure a stuck handle cannot keep the process alive. */
export const stopOnSignals = (stop: () => Promise<void>, { timeoutMs = drainMs() + 15_000 } = {}): void => {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'Shutting down')
    setTimeout(() => {
      logger.error('Shutdown timed out: exiting')
      process.exit(1)
    }, timeoutMs).unref()
    stop()
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error({ err }, 'Shutdown failed')
        process.exit(1)
      })
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
}
