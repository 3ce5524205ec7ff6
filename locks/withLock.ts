import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { KorrigoError } from '../runtime/errors'
import { isUniqueClash } from '../runtime/uniqueClash'

export class LockBusyError extends KorrigoError {
  constructor(key: string, waitedMs: number) {
    super({ code: 'busy', status: 409, message: `"${key}" is busy (waited ${Math.round(waitedMs / 1000)} s): try again in a moment`, details: { key } })
  }
}

const isKeyClash = (error: unknown): boolean => isUniqueClash({ error, path: 'key' })

/** How long a claim retries a lock released between its insert and its look, however long it may wait. */
const RELEASE_RACE_MS = 1_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` while holding the named lock, waiting up to `waitMs` for it. A lock older than `ttlMs`
 * (its holder crashed) is taken over. Keep the work short: others wait for it.
 */
export const withLock = async <T>({
  payload,
  key,
  work,
  ttlMs = 120_000,
  waitMs = 60_000,
}: {
  payload: Payload
  key: string
  work: () => Promise<T>
  ttlMs?: number
  waitMs?: number
}): Promise<T> => {
  const holder = randomUUID()
  const started = Date.now()
  let lockId: string | number | undefined
  while (lockId === undefined) {
    try {
      const lock = await payload.create({ collection: 'locks', data: { key, holder, expiresAt: new Date(Date.now() + ttlMs).toISOString() }, overrideAccess: true, depth: 0 })
      lockId = lock.id
    } catch (error) {
      const { docs } = await payload.find({ collection: 'locks', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
      const current = docs[0]
      if (!current) {
        // The holder let go between our insert and this look: try again, even when not waiting (the lock is
        // free: a claim without waiting must not fail on that). Any other failure is real.
        if (isKeyClash(error) && Date.now() - started <= Math.max(waitMs, RELEASE_RACE_MS)) continue
        throw error
      }
      if (new Date(current.expiresAt).getTime() < Date.now()) {
        await payload.delete({ collection: 'locks', where: { and: [{ id: { equals: current.id } }, { holder: { equals: current.holder } }] }, overrideAccess: true }).catch(() => undefined)
        continue
      }
      if (Date.now() - started > waitMs) throw new LockBusyError(key, Date.now() - started)
      await sleep(100 + Math.random() * 150)
    }
  }
  try {
    return await work()
  } finally {
    await payload.delete({ collection: 'locks', id: lockId, overrideAccess: true }).catch((error: Error) => payload.logger.warn({ key, err: error.message }, 'lock not released; it expires on its own'))
  }
}

/**
 * Claims work several workers share (a slice of a batch, a copy to read): runs `work` under the lock only when
 * nobody holds it, never waiting; `{ busy: true }` when somebody does.
 */
export const withLockIfFree = async <T>({ payload, key, ttlMs, work }: { payload: Payload; key: string; ttlMs?: number; work: () => Promise<T> }): Promise<{ busy: true } | { busy: false; value: T }> => {
  // Busy only when the claim itself failed: a LockBusyError thrown by the work (another lock it waited on)
  // is the work's failure and must surface as one, not pass for "somebody else has it".
  let claimed = false
  try {
    return { busy: false, value: await withLock({ payload, key, ttlMs, waitMs: 0, work: () => ((claimed = true), work()) }) }
  } catch (error) {
    if (error instanceof LockBusyError && !claimed) return { busy: true }
    throw error
  }
}

/** The lock every writer of an exam's copies takes: page edits, hand identification, the identify job's writes. */
export const examCopiesLock = (examId: string | number) => `exam-copies:${examId}`
