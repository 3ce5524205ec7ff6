import { exponential } from 'agenda'
import type { Id } from '../../../collections/access/roles'
import { defineJob } from '../../../jobs/define-job'
import { notifyStudents } from '../services/notifyStudents'
import { NOTIFY_STUDENTS } from './names'
import { parseId } from '../../../jobs/parse-data'

export type NotifyStudentsData = { examId: Id }

/** Queued after a publication; safe to run again (Agendash, `POST /api/korrigo/jobs/notify-students`): it only mails who was not told. */
export const notifyStudentsJob = defineJob<NotifyStudentsData>({
  name: NOTIFY_STUDENTS,
  version: 1,
  lockLifetime: 15 * 60_000,
  // An SMTP server that is down now is usually back later; what was sent is stamped, so a retry only sends the rest.
  backoff: exponential({ delay: 60_000, maxRetries: 5 }),
  parse: (data) => ({ examId: parseId({ job: NOTIFY_STUDENTS, data, key: 'examId' }) }),
  handler: async ({ data, context }) => {
    const result = await notifyStudents({
      payload: context.payload,
      examId: data.examId,
      locale: context.payload.config.custom?.korrigo?.publication?.locale,
      logger: context.logger,
      progress: context.progress,
    })
    context.logger.info({ exam: data.examId, ...result, withoutEmail: result.withoutEmail.length, rejected: result.rejected.length }, 'students notified')
  },
})
