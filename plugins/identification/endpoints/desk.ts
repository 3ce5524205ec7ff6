import type { Endpoint } from 'payload'

import { BadRequestError } from '../../../runtime/errors'
import { enqueue } from '../../../jobs/queue'
import { IDENTIFY_EXAM } from '../jobs/identifyExam'
import { assignStudent } from '../services/assignStudent'
import { getDesk } from '../services/desk'
import { body, readBody } from '../../kit/body'
import { requireAdmin, routeId, withErrors } from './respond'

/** GET /api/identification/exams/:id/desk — open copies with header crops and ranked suggestions, and the roster. */
export const deskEndpoint: Endpoint = {
  path: '/identification/exams/:id/desk',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    return Response.json(await getDesk({ payload: req.payload, examId: routeId(req), req }))
  }),
}

/** POST /api/identification/exams/:id/rerun — match again (and read headers not read yet); `{ reread: true }` reads all again. */
export const rerunEndpoint: Endpoint = {
  path: '/identification/exams/:id/rerun',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const examId = routeId(req)
    await req.payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true }).catch(() => {
      throw new BadRequestError(`Exam ${examId} does not exist`)
    })
    const { reread } = await readBody(req, { reread: body.optional(body.boolean) })
    const job = await enqueue({ name: IDENTIFY_EXAM, data: { examId, reread: reread === true } })
    return Response.json({ id: String(job.attrs._id), name: IDENTIFY_EXAM }, { status: 202 })
  }),
}

/**
 * POST /api/identification/copies/:id/assign — `{ studentId }` names the copy by hand, `{ studentId: null }`
 * un-names it; `takeFromHolder: true` moves a student another copy holds (409 without it, and always while
 * that copy is being marked).
 */
export const assignEndpoint: Endpoint = {
  path: '/identification/copies/:id/assign',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const { studentId, takeFromHolder } = await readBody(req, { studentId: body.required(body.nullable(body.id)), takeFromHolder: body.optional(body.boolean) })
    const copy = await assignStudent({ payload: req.payload, req, copyId: routeId(req), studentId, takeFromHolder: takeFromHolder === true })
    return Response.json({ copy: { id: copy.id, student: copy.student ?? null, status: copy.status, identification: copy.identification } })
  }),
}
