import type { Payload } from 'payload'

import { withLock } from '../../../locks/withLock'
import { BadRequestError } from '../../../runtime/errors'
import { StudentLockedError, StudentSignInError } from '../errors'
import { normalizeBirthDate } from '../lib/birth-date'
import { normalizeEmail } from '../lib/email'
import { createKeyedLock } from '../lib/keyed-lock'
import { afterFailure, cleared, lockRemainingMs, type SignInCounters } from '../lib/lockout'
import type { StudentSpaceSettings } from '../lib/settings'
import type { StudentProfile } from '../../../shared/student-space/types'
import { signStudentToken, type StudentId } from '../lib/token'
import { readUnknownEmail, saveUnknownEmail } from './unknownEmails'

export type { StudentProfile } from '../../../shared/student-space/types'

export type SignInResult = { student: StudentProfile; token: string; expiresAt: Date }

type StudentRow = {
  id: StudentId
  firstName: string
  lastName: string
  className?: string | null
  email?: string | null
  birthDate?: string | null
  signIn?: { failedAttempts?: number | null; lockedUntil?: string | null } | null
}

// One address's attempts one after the other: within this process without a round trip, and across the
// cluster's nodes through the database's lock (two guesses at once would both read "4 failures").
const serialisedHere = createKeyedLock()
const serialised = ({ payload, email, work }: { payload: Payload; email: string; work: () => Promise<void> }) =>
  serialisedHere(email, () => withLock({ payload, key: `student-sign-in:${email}`, ttlMs: 30_000, waitMs: 20_000, work }))

export const profileOf = (student: StudentRow): StudentProfile => ({
  id: student.id,
  firstName: student.firstName,
  lastName: student.lastName,
  className: student.className ?? null,
})

const countersOf = (student: StudentRow): SignInCounters => ({
  failedAttempts: student.signIn?.failedAttempts ?? 0,
  lockedUntil: student.signIn?.lockedUntil ? new Date(student.signIn.lockedUntil) : null,
})

/**
 * Students sharing the address (siblings on a parent's address). `like` is case-insensitive on every
 * database but matches substrings, so the exact comparison happens here.
 */
const studentsByEmail = async ({ payload, email }: { payload: Payload; email: string }): Promise<StudentRow[]> => {
  const { docs } = await payload.find({
    collection: 'students',
    where: { email: { like: email } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { firstName: true, lastName: true, className: true, email: true, birthDate: true, signIn: true },
  })
  return (docs as StudentRow[]).filter((s) => s.email?.trim().toLowerCase() === email)
}

const saveCounters = ({ payload, student, counters, signedInAt }: { payload: Payload; student: StudentRow; counters: SignInCounters; signedInAt?: Date }) =>
  payload.update({
    collection: 'students',
    id: student.id,
    data: {
      signIn: {
        failedAttempts: counters.failedAttempts,
        lockedUntil: counters.lockedUntil?.toISOString() ?? null,
        ...(signedInAt ? { lastSignInAt: signedInAt.toISOString() } : {}),
      },
    },
    depth: 0,
    overrideAccess: true,
  })

const locked = (remainingMs: number): StudentLockedError => new StudentLockedError({ retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) })

/**
 * Email + birth date. The address is the unit of the lockout: every student on it counts the failure,
 * and while one of them is locked the address answers 429, even to the right date. Unknown addresses go
 * through the same steps (their counters in the shared database too), so neither the message nor the lock
 * tells a guesser which ones exist.
 */
export const signInStudent = async ({
  payload,
  email: emailInput,
  birthDate: birthDateInput,
  settings,
  now = new Date(),
}: {
  payload: Payload
  email: unknown
  birthDate: unknown
  settings: StudentSpaceSettings
  now?: Date
}): Promise<SignInResult> => {
  const email = normalizeEmail(emailInput)
  const birthDate = normalizeBirthDate(birthDateInput)
  if (!email || !birthDate) throw new BadRequestError('An email address and a birth date (YYYY-MM-DD or DD/MM/YYYY) are required.')

  // A failure is answered as soon as it is decided: for a known address its counters are written after the
  // answer (still before the next attempt on that address runs), so an unknown address and a wrong date
  // take the same work to answer — one lookup — and time tells a guesser nothing.
  return new Promise<SignInResult>((resolve, reject) => {
    let answered = false
    const answer = (result: SignInResult) => ((answered = true), resolve(result))
    const refuse = (error: unknown) => ((answered = true), reject(error))
    serialised({ payload, email, work: async () => {
      // Both read for every address, known or not: the same work either way.
      const [students, unknown] = await Promise.all([studentsByEmail({ payload, email }), readUnknownEmail({ payload, email, now })])
      if (!students.length) {
        const remaining = lockRemainingMs({ counters: unknown, now })
        if (remaining > 0) return refuse(locked(remaining))
        const counters = afterFailure({ counters: unknown, now, policy: settings })
        const lockedFor = lockRemainingMs({ counters, now })
        refuse(lockedFor > 0 ? locked(lockedFor) : new StudentSignInError())
        await new Promise((next) => setImmediate(next))
        await saveUnknownEmail({ payload, email, counters, now, policy: settings })
        return
      }

      const remaining = Math.max(...students.map((s) => lockRemainingMs({ counters: countersOf(s), now })))
      if (remaining > 0) return refuse(locked(remaining))

      const match = students.find((s) => s.birthDate === birthDate)
      if (!match) {
        const failed = students.map((student) => ({ student, counters: afterFailure({ counters: countersOf(student), now, policy: settings }) }))
        const lockedFor = Math.max(...failed.map(({ counters }) => lockRemainingMs({ counters, now })))
        // The failure that locks says so at once: the student learns to wait instead of trying again.
        refuse(lockedFor > 0 ? locked(lockedFor) : new StudentSignInError())
        // Let the answer go out first (it only needs microtasks), then write.
        await new Promise((next) => setImmediate(next))
        for (const { student, counters } of failed) await saveCounters({ payload, student, counters })
        return
      }

      for (const student of students)
        if (student === match || countersOf(student).failedAttempts > 0)
          await saveCounters({ payload, student, counters: cleared(), signedInAt: student === match ? now : undefined })
      const { token, expiresAt } = await signStudentToken({ secret: payload.secret, studentId: match.id, ttlSeconds: settings.sessionSeconds, now })
      answer({ student: profileOf(match), token, expiresAt })
    } }).catch((error: unknown) => {
      // Before an answer, the request fails with it; after one, the counters could not be written: say so.
      if (!answered) return refuse(error)
      payload.logger.error({ err: error, email }, 'student sign-in: the failure counters could not be written')
    })
  })
}
