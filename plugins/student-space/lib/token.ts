import { createHmac } from 'node:crypto'

import { jwtVerify, SignJWT } from 'jose'

import type { StudentId } from '../../../shared/student-space/types'

export type { StudentId }

/** Its own cookie name: Payload reads `payload-token`, never this one. */
export const STUDENT_COOKIE = 'korrigo-student'
export const STUDENT_AUDIENCE = 'korrigo:student-space'
const ISSUER = 'korrigo'
const TOKEN_TYPE = 'korrigo-student+jwt'

/**
 * The signing key is derived from the app secret, not the secret itself: a student token then fails
 * Payload's own signature check outright, and a staff token fails ours, whatever their claims say.
 */
const keyOf = (secret: string): Uint8Array => new Uint8Array(createHmac('sha256', secret).update('korrigo student-space token v1').digest())

export const signStudentToken = async ({
  secret,
  studentId,
  ttlSeconds,
  now = new Date(),
}: {
  secret: string
  studentId: StudentId
  ttlSeconds: number
  now?: Date
}): Promise<{ token: string; expiresAt: Date }> => {
  const issuedAt = Math.floor(now.getTime() / 1000)
  const expiresAt = new Date((issuedAt + ttlSeconds) * 1000)
  const token = await new SignJWT({ kind: 'student', student: studentId })
    .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPE })
    .setSubject(String(studentId))
    .setAudience(STUDENT_AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(keyOf(secret))
  return { token, expiresAt }
}

/** The student a token names, or undefined for anything else: expired, tampered, staff, or not a token. */
export const verifyStudentToken = async ({ secret, token, now = new Date() }: { secret: string; token: string; now?: Date }): Promise<{ studentId: StudentId } | undefined> => {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      audience: STUDENT_AUDIENCE,
      issuer: ISSUER,
      typ: TOKEN_TYPE,
      currentDate: now,
    })
    const student = payload.student
    if (protectedHeader.typ !== TOKEN_TYPE || payload.kind !== 'student') return undefined
    if ((typeof student !== 'string' && typeof student !== 'number') || String(student) !== payload.sub) return undefined
    return { studentId: student }
  } catch {
    return undefined
  }
}
