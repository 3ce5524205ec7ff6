/** How many wrong birth dates one address may receive, and how long it is locked after the last of them. */
export type LockoutPolicy = { maxAttempts: number; lockMs: number }

/** What is stored per student (and kept in memory for addresses that match nobody). */
export type SignInCounters = { failedAttempts: number; lockedUntil: Date | null }

export const lockRemainingMs = ({ counters, now }: { counters: SignInCounters; now: Date }): number =>
  counters.lockedUntil ? Math.max(0, counters.lockedUntil.getTime() - now.getTime()) : 0

/**
 * One more failure. The count stays at its maximum while locked (the admin sees why); once a lock has
 * expired the next failure starts a fresh series, so a returning student gets the full number of tries.
 */
export const afterFailure = ({ counters, now, policy }: { counters: SignInCounters; now: Date; policy: LockoutPolicy }): SignInCounters => {
  const expired = counters.lockedUntil !== null && counters.lockedUntil.getTime() <= now.getTime()
  const failedAttempts = (expired ? 0 : counters.failedAttempts) + 1
  if (failedAttempts >= policy.maxAttempts) return { failedAttempts, lockedUntil: new Date(now.getTime() + policy.lockMs) }
  return { failedAttempts, lockedUntil: expired ? null : counters.lockedUntil }
}

export const cleared = (): SignInCounters => ({ failedAttempts: 0, lockedUntil: null })
