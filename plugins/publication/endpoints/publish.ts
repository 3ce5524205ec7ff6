import type { Endpoint } from 'payload'

import { BadRequestError } from '../../../runtime/errors'
import { requireAdmin } from '../../kit/access'
import { routeId } from '../../kit/routeId'
import { readObject } from '../../kit/body'
import { isMailConfigured } from '../services/mail'
import { schedulePublication } from '../services/schedulePublication'

const parseAt = (value: unknown): Date | undefined => {
  if (value === undefined || value === null || value === '') return undefined
  const date = typeof value === 'string' ? new Date(value) : undefined
  if (!date || Number.isNaN(date.getTime())) throw new BadRequestError(`"at" must be an ISO date, got ${JSON.stringify(value)}`)
  return date
}

const parseNotify = (value: unknown): boolean => {
  if (value === undefined || value === null) return true
  if (typeof value !== 'boolean') throw new BadRequestError(`"notify" must be true or false, got ${JSON.stringify(value)}`)
  return value
}

/**
 * POST /api/publication/exams/:id/publish { at?: ISO date, notify?: boolean } — admins only. Queues the
 * publication of the exam's finalized copies, now or at `at`; a later call replaces an earlier schedule.
 * `notify` (default true) e-mails the students once published, when e-mail is configured. 202 with the job.
 */
export const publishEndpoint: Endpoint = {
  path: '/publication/exams/:id/publish',
  method: 'post',
  handler: async (req) => {
    requireAdmin(req, 'Only admins can publish an exam')
    const examId = routeId(req)
    const body = await readObject(req)
    const scheduled = await schedulePublication({ payload: req.payload, examId, at: parseAt(body.at), notify: parseNotify(body.notify) })
    // Said up front so the admin knows that asking for e-mails will not send any.
    return Response.json({ ...scheduled, mailConfigured: isMailConfigured(req.payload) }, { status: 202 })
  },
}
