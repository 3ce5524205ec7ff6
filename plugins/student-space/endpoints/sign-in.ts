import type { Endpoint } from 'payload'

import { readObject } from '../../kit/body'
import { sessionCookie } from '../lib/cookies'
import type { StudentSpaceSettings } from '../lib/settings'
import { STUDENT_COOKIE } from '../lib/token'
import { signInStudent } from '../services/signIn'
import { isSecure, json, withErrors } from './respond'

/**
 * POST /api/student-space/sign-in { email, birthDate } — 200 with the student and an HttpOnly session
 * cookie; 401 (same words for an unknown address and a wrong date), 429 + Retry-After while locked,
 * 400 when a field is missing or not a date. The per-IP limit sits in front, in the Express app.
 */
export const signInEndpoint = (settings: StudentSpaceSettings): Endpoint => ({
  path: '/student-space/sign-in',
  method: 'post',
  handler: withErrors(async (req) => {
    const body = await readObject(req)
    const { student, token, expiresAt } = await signInStudent({ payload: req.payload, email: body.email, birthDate: body.birthDate, settings })
    return json({
      body: { student, expiresAt: expiresAt.toISOString() },
      headers: { 'set-cookie': sessionCookie({ name: STUDENT_COOKIE, value: token, maxAgeSeconds: settings.sessionSeconds, secure: isSecure(req) }) },
    })
  }),
})
