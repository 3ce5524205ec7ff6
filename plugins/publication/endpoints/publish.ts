import type { Endpoint } from 'payload'

import { getQueue } from '../../../jobs/queue'
import { BadRequestError, ConfigError, ConflictError, NotFoundError } from '../../../runtime/errors'
import { PUBLISH_EXAM } from '../jobs/names'
import { isMailConfigured } from '../services/mail'
import { finalizedCopies } from '../services/renderExam'
import { routeId } from '../../kit/routeId'
import { stampVersion } from '../../../jobs/versions'
import { requireAdmin } from '../../kit/access'

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
    const exam = await req.payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
    const body = (req.json ? await req.json().catch(() => ({})) : {}) as { at?: unknown; notify?: unknown }
    const at = parseAt(body?.at)
    const notify = parseNotify(body?.notify)
    const copies = await finalizedCopies({ payload: req.payload, examId: exam.id })
    if (!copies.length) throw new ConflictError(`"${exam.title}" has no finalized copy to publish`)
    const agenda = getQueue()
    if (!agenda) throw new ConfigError('The job queue is not connected in this process')
    const scheduled = at && at.getTime() > Date.now() ? at : undefined
    const job = agenda.create(PUBLISH_EXAM, stampVersion(PUBLISH_EXAM, { examId: exam.id, notify }))
    // One pending publication per exam: scheduling again moves it.
    job.unique({ name: PUBLISH_EXAM, 'data.examId': exam.id })
    job.schedule(scheduled ?? new Date())
    await job.save()
    await req.payload.update({ collection: 'exams', id: exam.id, data: { publishAt: scheduled?.toISOString() ?? null }, depth: 0, overrideAccess: true })
    return Response.json(
      {
        job: String(job.attrs._id),
        exam: exam.id,
        finalizedCopies: copies.length,
        scheduledFor: scheduled?.toISOString() ?? null,
        notify,
        // Said up front so the admin knows that asking for e-mails will not send any.
        mailConfigured: isMailConfigured(req.payload),
      },
      { status: 202 },
    )
  },
}
