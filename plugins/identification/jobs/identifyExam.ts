import { defineJob } from '../../../jobs/define-job'
import { BadRequestError } from '../../../runtime/errors'
import { identifyExam } from '../services/identifyExam'
import type { IdentificationOptions } from '../types'

export const IDENTIFY_EXAM = 'identify-exam'

export type IdentifyExamData = { examId: string | number; reread?: boolean }

export const identifyExamJob = (options: IdentificationOptions = {}) =>
  defineJob<IdentifyExamData>({
    name: IDENTIFY_EXAM,
    version: 1,
    // One at a time: two batches finishing together must not read the same headers twice.
    concurrency: 1,
    lockLifetime: 30 * 60_000,
    parse: (data) => {
      const { examId, reread } = (data ?? {}) as Partial<IdentifyExamData>
      if (typeof examId !== 'string' && typeof examId !== 'number')
        throw new BadRequestError(`${IDENTIFY_EXAM}: examId must be a string or number id, got ${JSON.stringify(examId)}`)
      return { examId, reread: reread === true }
    },
    handler: async ({ data, context }) => {
      const result = await identifyExam({ payload: context.payload, examId: data.examId, reread: data.reread, options, progress: context.progress })
      context.logger.info({ exam: data.examId, ...result }, 'exam identified')
    },
  })
