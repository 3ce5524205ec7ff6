import type { LockoutPolicy } from './lockout'

export type StudentSpaceSettings = LockoutPolicy & { sessionSeconds: number }

/** What a plugin caller may set; anything left out comes from the environment, then from the defaults. */
export type StudentSpaceSettingsInput = { maxAttempts?: number; lockMinutes?: number; sessionMinutes?: number }

const positive = (value: unknown, fallback: number): number => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN
  return Number.isFinite(number) && number > 0 ? number : fallback
}

/**
 * Defaults: 5 wrong birth dates lock an address for 15 minutes; a session lasts 60 minutes (a student
 * reads a copy and leaves, often on a shared school computer).
 */
/** The variables it reads, as text (an environment) or already typed (runtime/config). */
export type StudentSpaceEnv = { [K in 'KORRIGO_STUDENT_MAX_ATTEMPTS' | 'KORRIGO_STUDENT_LOCK_MINUTES' | 'KORRIGO_STUDENT_SESSION_MINUTES']?: string | number }

export const resolveSettings = ({ input = {}, env }: { input?: StudentSpaceSettingsInput; env: StudentSpaceEnv }): StudentSpaceSettings => ({
  maxAttempts: Math.floor(positive(input.maxAttempts ?? env.KORRIGO_STUDENT_MAX_ATTEMPTS, 5)),
  lockMs: positive(input.lockMinutes ?? env.KORRIGO_STUDENT_LOCK_MINUTES, 15) * 60_000,
  sessionSeconds: Math.floor(positive(input.sessionMinutes ?? env.KORRIGO_STUDENT_SESSION_MINUTES, 60) * 60),
})
