import type { Endpoint } from 'payload'

import { publishedCopiesOf } from '../services/copies'
import { requireStudent } from '../services/session'
import { json, withErrors } from './respond'

/** GET /api/student-space/copies — the signed-in student's published copies with their grades, or 401. */
export const copiesEndpoint: Endpoint = {
  path: '/student-space/copies',
  method: 'get',
  handler: withErrors(async (req) => {
    const student = await requireStudent({ req })
    return json({ body: { copies: await publishedCopiesOf({ payload: req.payload, studentId: student.id }) } })
  }),
}
