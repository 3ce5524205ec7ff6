import type { BackoffStrategy } from 'agenda'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

export type JobContext = {
  payload: Payload
  logger: Logger
  /** Reports progress to Agenda (and so to Agendash): `done` out of `total` units of work. */
  progress: (args: { done: number; total: number }) => Promise<void>
  jobId?: string
  /**
   * Run this job again as soon as this run ends, after the other jobs already due: a long job does its
   * work in slices this way, so one user's big batch cannot hold the queue while others wait. `afterMs`:
   * not before then (a lane handing itself to another worker).
   */
  runAgain: (options?: { afterMs?: number }) => void
}

/**
 * A job is declared once, with a version and a payload check, and can be contributed by any plugin
 * through `config.custom.korrigo.jobs`; the app and the worker define every declared job on Agenda.
 */
export type JobDefinition<Data = unknown> = {
  name: string
  version: number
  /** Throws a typed error with a clear message when the enqueued data is not what the job expects. */
  parse: (data: unknown) => Data
  handler: (args: { data: Data; context: JobContext }) => Promise<void>
  concurrency?: number
  /** How long a run may hold its lock before another worker takes it over (ms); long for big batches. */
  lockLifetime?: number
  /** Retries after a failure (Agenda's `exponential`, `linear`…); none by default: most failures need a person. */
  backoff?: BackoffStrategy
  /** Recurring jobs: an interval Agenda understands ("1 day", "15 minutes"). */
  every?: string
  /** Data for the recurring run. */
  everyData?: Data
}

export type KorrigoCustomConfig = { jobs: JobDefinition<any>[] }
