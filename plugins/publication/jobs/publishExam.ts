import type { Id } from '../../../collections/access/roles'
import { defineJob } from '../../../jobs/define-job'
import { publishExam } from '../services/publishExam'
import { queueNotifications } from '../services/queueNotifications'
import { PUBLISH_EXAM } from './names'
import { parseId } from '../../../jobs/parse-data'

export type PublishExamData = { examId: Id; notify: boolean }

/** Run now or at the date an admin chose: renders what is missing, publishes, then queues the students' e-mails. */
export const publishExamJob = defineJob<PublishExamData>({
  name: PUBLISH_EXAM,
  version: 2,
  lockLifetime: 30 * 60_000,
  parse: (data) => ({
    examId: parseId({ job: PUBLISH_EXAM, data, key: 'examId' }),
    // Publications queued before notifications existed (version 1) carry no flag: they notify.
    notify: (data as { notify?: unknown } | undefined)?.notify !== false,
  }),
  handler: async ({ data, context }) => {
    const result = await publishExam({ payload: context.payload, examId: data.examId, locale: context.payload.config.custom?.korrigo?.publication?.locale, progress: context.progress })
    const notifying = data.notify && (await queueNotifications({ payload: context.payload, examId: data.examId }))
    context.logger.info({ exam: data.examId, ...result, notifying }, 'exam published')
  },
})
