import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { enqueue } from '../../../jobs/queue'
import { ConflictError, NotFoundError } from '../../../runtime/errors'
import { PUBLISH_EXAM } from '../jobs/names'
import { finalizedCopies } from './renderExam'

export type ScheduledPublication = { job: string; exam: Id; finalizedCopies: number; scheduledFor: string | null; notify: boolean }

/**
 * Queues the publication of an exam's finalized copies, now or at `at` (a date in the past means now).
 * One pending publication per exam: scheduling again moves it. The exam shows when it will be published.
 */
export const schedulePublication = async ({ payload, examId, at, notify }: { payload: Payload; examId: Id; at?: Date; notify: boolean }): Promise<ScheduledPublication> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
  const copies = await finalizedCopies({ payload, examId: exam.id })
  if (!copies.length) throw new ConflictError(`"${exam.title}" has no finalized copy to publish`)
  const scheduled = at && at.getTime() > Date.now() ? at : undefined
  const job = await enqueue({ name: PUBLISH_EXAM, data: { examId: exam.id, notify }, uniqueKey: { name: PUBLISH_EXAM, 'data.examId': exam.id }, at: scheduled ?? new Date() })
  await payload.update({ collection: 'exams', id: exam.id, data: { publishAt: scheduled?.toISOString() ?? null }, depth: 0, overrideAccess: true })
  return { job: String(job.attrs._id), exam: exam.id, finalizedCopies: copies.length, scheduledFor: scheduled?.toISOString() ?? null, notify }
}
