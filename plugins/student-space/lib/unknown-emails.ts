import { afterFailure, lockRemainingMs, type LockoutPolicy, type SignInCounters } from './lockout'

/**
 * Counters for addresses that match no student, kept in memory. Without them an unknown address would
 * never lock while a real one does, and the lock itself would tell a guesser which addresses exist. Bounded:
 * the oldest entries go first, so a flood of made-up addresses cannot grow the process.
 */
export const createUnknownEmailCounters = ({ maxEntries = 10_000 }: { maxEntries?: number } = {}) => {
  const entries = new Map<string, SignInCounters>()
  return {
    remainingMs: ({ email, now }: { email: string; now: Date }): number => {
      const counters = entries.get(email)
      return counters ? lockRemainingMs({ counters, now }) : 0
    },
    fail: ({ email, now, policy }: { email: string; now: Date; policy: LockoutPolicy }): SignInCounters => {
      const next = afterFailure({ counters: entries.get(email) ?? { failedAttempts: 0, lockedUntil: null }, now, policy })
      entries.delete(email) // re-inserted last: Map order is the eviction order
      entries.set(email, next)
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      return next
    },
    size: (): number => entries.size,
  }
}

export type UnknownEmailCounters = ReturnType<typeof createUnknownEmailCounters>
