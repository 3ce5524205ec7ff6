import type { Endpoint } from 'payload'

import { requireStudent } from '../services/session'
import { json, withErrors } from './respond'

/** GET /api/student-space/me — the signed-in student (names and class only), or 401. */
export const meEndpoint: Endpoint = {
  path: '/student-space/me',
  method: 'get',
  handler: withErrors(async (req) => json({ body: { student: await requireStudent({ req }) } })),
}
