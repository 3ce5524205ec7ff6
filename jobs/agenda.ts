import { Agenda, type Job } from 'agenda'
import type { Payload } from 'payload'

import { databaseKindOf } from '../runtime/database-url'
import { ConfigError, ConflictError } from '../runtime/errors'
import { logger } from '../runtime/logger'
import { jobsOf } from './define-job'
import type { JobDefinition } from './types'
import { registerJobVersions, stampVersion, versionProblem } from './versions'

const FIVE_MINUTES = 5 * 60_000

/** Agenda on the backend matching DATABASE_URL: the same PostgreSQL (LISTEN/NOTIFY) or MongoDB as Payload. */
export const createAgenda = async ({ url, name }: { url: string; name: string }): Promise<Agenda> => {
  const kind = databaseKindOf(url)
  let backend
  if (kind === 'mongodb') {
    const { MongoBackend } = await import('@agendajs/mongo-backend')
    backend = new MongoBackend({ address: url, collection: 'agendaJobs' })
  } else {
    const { PostgresBackend } = await import('@agendajs/postgres-backend')
    backend = new PostgresBackend({ connectionString: url, tableName: 'agenda_jobs' })
  }
  const agenda = new Agenda({
    backend,
    name,
    processEvery: '5 seconds',
    defaultConcurrency: 1,
    maxConcurrency: 4,
    defaultLockLifetime: FIVE_MINUTES,
  })
  // A restarting database must not take the process down: Agenda reconnects on its next poll.
  agenda.on('error', (error) => logger.error({ err: error }, 'agenda error'))
  return agenda
}

type Channel = { connect: () => Promise<void>; disconnect: () => Promise<void> }
type WithBackend = { ready?: Promise<void>; backend?: { notificationChannel?: Channel; disconnect?: () => Promise<void> } }

/**
 * A process that only enqueues (the app with KORRIGO_WORKER=external, a CLI command) still tells the workers
 * of each new job at once: Agenda publishes a saved job on its notification channel only once that channel is
 * connected, which `start()` does with the processing. Left unconnected, every upload waited for a worker's
 * next poll (`processEvery`, up to 5 s; 3.7 s measured on the class of 30). The channel holds one connection
 * (PostgreSQL's LISTEN, nothing is run on what it hears); MongoDB's backend has none and its workers poll.
 */
export const announceNewJobs = async (agenda: Agenda): Promise<void> => {
  const { ready, backend } = agenda as unknown as WithBackend
  await ready
  const channel = backend?.notificationChannel
  if (!channel) return
  try {
    await channel.connect()
  } catch (error) {
    logger.warn({ err: error }, 'the job notification channel did not connect: workers will find new jobs at their next poll')
  }
}

/**
 * An Agenda that never started closes nothing on drain or stop: its channel and its connection, closed here. The
 * channel whatever its state: one whose connect failed has a reconnect timer pending, which its disconnect clears.
 */
export const closeEnqueueOnly = async (agenda: Agenda): Promise<void> => {
  const { backend } = agenda as unknown as WithBackend
  await backend?.notificationChannel?.disconnect()
  await backend?.disconnect?.()
}

const runDefinition = (definition: JobDefinition, payload: Payload) => async (job: Job) => {
  const problem = versionProblem(definition, job.attrs.data)
  if (problem) throw new ConflictError(problem)
  const data = definition.parse(job.attrs.data)
  const log = logger.child({ job: definition.name, jobId: String(job.attrs._id ?? '') })
  let percent: number | undefined
  // Agenda cancels a run that holds its lock longer than lockLifetime without a touch; a live run says
  // so on a timer, and a crashed worker stops touching, so its lock expires and another takes over.
  const lockLifetime = definition.lockLifetime ?? FIVE_MINUTES
  const heartbeat = setInterval(() => void job.touch(percent).catch(() => undefined), Math.max(500, Math.floor(lockLifetime / 3)))
  let again: { afterMs?: number } | undefined
  try {
    await definition.handler({
      data,
      context: {
        payload,
        logger: log,
        jobId: job.attrs._id ? String(job.attrs._id) : undefined,
        progress: async ({ done, total }) => {
          percent = total > 0 ? Math.round((done / total) * 100) : 100
          await job.touch(percent)
        },
        runAgain: (options = {}) => {
          again = options
        },
      },
    })
    // Saved with the run's end state by Agenda; due now, so jobs that were waiting (due earlier) go first.
    if (again) {
      job.attrs.nextRunAt = new Date(Date.now() + (again.afterMs ?? 0))
      runningAgain.add(job)
    }
  } finally {
    clearInterval(heartbeat)
  }
}

/** Jobs that asked to run again: once Agenda has saved and unlocked them, every processor is told at once. */
const runningAgain = new WeakSet<Job>()

const announceRunAgain = (agenda: Agenda) =>
  agenda.on('complete', (job: Job) => {
    if (!runningAgain.has(job)) return
    runningAgain.delete(job)
    void agenda.publishJobNotification(job).catch((error: Error) => logger.warn({ err: error, job: job.attrs.name }, 'could not announce a job to run again'))
  })

/** Defines every job the config declares; recurring ones are scheduled once (Agenda dedupes by name). */
/**
 * Defines the jobs this process runs: all of them, or `only` those named (a worker given to OCR, another
 * to rendering). Every job's version is known either way, so any process may enqueue any job.
 */
export const defineJobs = async ({ agenda, payload, schedule, only }: { agenda: Agenda; payload: Payload; schedule: boolean; only?: string[] }): Promise<string[]> => {
  const all = jobsOf(payload.config)
  registerJobVersions(all)
  const unknown = (only ?? []).filter((name) => !all.some((d) => d.name === name))
  if (unknown.length) throw new ConfigError(`KORRIGO_JOBS names no job called ${unknown.map((n) => `"${n}"`).join(', ')}: the jobs are ${all.map((d) => d.name).join(', ')}`)
  const definitions = only ? all.filter((d) => only.includes(d.name)) : all
  announceRunAgain(agenda)
  for (const definition of definitions) {
    agenda.define(definition.name, runDefinition(definition, payload), {
      concurrency: definition.concurrency ?? 1,
      lockLifetime: definition.lockLifetime ?? FIVE_MINUTES,
      backoff: definition.backoff,
    })
  }
  if (schedule) {
    for (const definition of definitions.filter((d) => d.every)) {
      await agenda.every(definition.every!, definition.name, stampVersion(definition.name, (definition.everyData ?? {}) as Record<string, unknown>))
    }
  }
  return definitions.map((d) => d.name)
}
