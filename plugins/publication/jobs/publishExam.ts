import type { Id } from '../../../collections/access/roles'
import { defineJob } from '../../../jobs/define-job'
import { publishExam } from '../services/publishExam'
import { PUBLISH_EXAM } from './names'
import { parseId } from './parseId'

export type PublishExamData = { examId: Id }

/** Run now or at the date an admin chose: renders what is missing, then publishes. */
export const publishExamJob = defineJob<PublishExamData>({
  name: PUBLISH_EXAM,
  version: 1,
  lockLifetime: 30 * 60_000,
  parse: (data) => ({ examId: parseId({ job: PUBLISH_EXAM, data, key: 'examId' }) }),
  handler: async ({ data, context }) => {
    const result = await publishExam({ payload: context.payload, examId: data.examId, locale: context.payload.config.custom?.korrigo?.publication?.locale, progress: context.progress })
    context.logger.info({ exam: data.examId, ...result }, 'exam published')
  },
})
