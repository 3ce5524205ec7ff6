import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'

import { readCounter, writeCounter } from '../../../runtime/shared-counters/counters'
import { cleared, type LockoutPolicy, type SignInCounters } from '../lib/lockout'

/**
 * Failed sign-ins of addresses that match no student, in the database every app node shares: without them
 * an unknown address would never lock while a real one does (the lock would tell a guesser which addresses
 * exist), and a guesser could spread attempts over the nodes. The address is stored only as a keyed hash.
 */
const keyOf = ({ payload, email }: { payload: Payload; email: string }): string =>
  `student-unknown:${createHmac('sha256', payload.secret).update(email).digest('base64url')}`

export const readUnknownEmail = async ({ payload, email, now }: { payload: Payload; email: string; now: Date }): Promise<SignInCounters> => {
  const counter = await readCounter({ payload, key: keyOf({ payload, email }) })
  if (!counter || counter.resetAt.getTime() <= now.getTime()) return cleared()
  const state = counter.state as { lockedUntil?: string | null } | null
  return { failedAttempts: counter.hits, lockedUntil: state?.lockedUntil ? new Date(state.lockedUntil) : null }
}

/** Kept until the lock ends, or for one lock's length after the last failure: then the series is forgotten. */
export const saveUnknownEmail = async ({ payload, email, counters, now, policy }: { payload: Payload; email: string; counters: SignInCounters; now: Date; policy: LockoutPolicy }) => {
  const resetAt = new Date(Math.max(counters.lockedUntil?.getTime() ?? 0, now.getTime() + policy.lockMs))
  await writeCounter({ payload, key: keyOf({ payload, email }), hits: counters.failedAttempts, resetAt, state: { lockedUntil: counters.lockedUntil?.toISOString() ?? null } })
}
