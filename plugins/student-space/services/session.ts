import type { PayloadRequest } from 'payload'

import { StudentSignedOutError } from '../errors'
import { readCookie } from '../lib/cookies'
import { STUDENT_COOKIE, verifyStudentToken } from '../lib/token'
import { profileOf, type StudentProfile } from './signIn'

/**
 * The student behind a request, from the student cookie only: Payload's staff session (header or cookie)
 * is never looked at, and the student cookie is never looked at by Payload. The student is re-read each
 * time, so a student removed from the roster is signed out at once.
 */
export const studentOfRequest = async ({ req }: { req: PayloadRequest }): Promise<StudentProfile | undefined> => {
  const token = readCookie({ header: req.headers.get('cookie'), name: STUDENT_COOKIE })
  if (!token) return undefined
  const claims = await verifyStudentToken({ secret: req.payload.secret, token })
  if (!claims) return undefined
  const student = await req.payload
    .findByID({ collection: 'students', id: claims.studentId, depth: 0, overrideAccess: true, select: { firstName: true, lastName: true, className: true }, disableErrors: true })
  return student ? profileOf(student as never) : undefined
}

export const requireStudent = async ({ req }: { req: PayloadRequest }): Promise<StudentProfile> => {
  const student = await studentOfRequest({ req })
  if (!student) throw new StudentSignedOutError()
  return student
}
