import type { Agenda } from 'agenda'

import { ConfigError } from '../runtime/errors'
import { stampVersion } from './versions'

/**
 * Collection hooks enqueue work without holding an Agenda handle: the runtime registers the queue once
 * it is connected. Kept on globalThis so Next's bundled copy of the hooks sees the same queue.
 */
const slot = globalThis as { __korrigoQueue?: Agenda }

export const setQueue = (agenda: Agenda | undefined): void => {
  slot.__korrigoQueue = agenda
}

export const getQueue = (): Agenda | undefined => slot.__korrigoQueue

/** Queues a job now, or at `at`; with `uniqueKey`, a job already queued under that key is moved, not doubled. */
export const enqueue = async ({ name, data, uniqueKey, at }: { name: string; data: Record<string, unknown>; uniqueKey?: Record<string, unknown>; at?: Date }) => {
  const agenda = getQueue()
  if (!agenda) throw new ConfigError(`Cannot enqueue "${name}": the job queue is not connected in this process`)
  const job = agenda.create(name, stampVersion(name, data))
  // The same batch enqueued twice must not run twice side by side.
  if (uniqueKey) job.unique(uniqueKey)
  if (at) job.schedule(at)
  await job.save()
  return job
}

/**
 * Lanes 1…`lanes` of a job whose work several workers share (a big batch's slices, an exam's headers): one job
 * each, any free worker takes it; queued again while one is waiting, never doubled.
 */
export const enqueueLanes = async ({ name, data, lanes }: { name: string; data: Record<string, unknown>; lanes: number }): Promise<void> => {
  const key = Object.fromEntries(Object.entries(data).map(([field, value]) => [`data.${field}`, value]))
  for (let lane = 1; lane <= lanes; lane++) await enqueue({ name, data: { ...data, lane }, uniqueKey: { ...key, 'data.lane': lane } })
}
