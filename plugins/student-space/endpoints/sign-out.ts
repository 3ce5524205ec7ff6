import type { Endpoint } from 'payload'

import { clearedCookie } from '../lib/cookies'
import { STUDENT_COOKIE } from '../lib/token'
import { isSecure, PRIVATE } from './respond'

/** POST /api/student-space/sign-out — drops the cookie; answers 204 whether or not a session was there. */
export const signOutEndpoint: Endpoint = {
  path: '/student-space/sign-out',
  method: 'post',
  handler: async (req) =>
    new Response(null, { status: 204, headers: { ...PRIVATE, 'set-cookie': clearedCookie({ name: STUDENT_COOKIE, secure: isSecure(req) }) } }),
}
