import { defineJob } from '../../../jobs/define-job'
import { expiredExams, purgeExam, scheduleUndated } from '../services/purgeExam'
import { defaultRetentionFor } from '../services/settings'

export const PURGE_EXPIRED_EXAMS = 'purge-expired-exams'

/** Daily: every exam past its retention date is purged, one after the other; a failure leaves it for tomorrow. */
export const purgeExpiredExams = defineJob<Record<string, never>>({
  name: PURGE_EXPIRED_EXAMS,
  version: 1,
  every: '1 day',
  everyData: {},
  parse: () => ({}),
  handler: async ({ context }) => {
    const scheduled = await scheduleUndated({ payload: context.payload, dateFor: (date) => defaultRetentionFor(date) })
    if (scheduled) context.logger.info({ exams: scheduled }, 'retention dates given to exams that had none')
    const exams = await expiredExams({ payload: context.payload })
    let done = 0
    const failures: string[] = []
    for (const examId of exams) {
      try {
        const report = await purgeExam({ payload: context.payload, examId })
        context.logger.info({ exam: examId, counts: report.counts, studentsRemoved: report.studentsRemoved }, 'exam purged (retention)')
      } catch (error) {
        failures.push(`exam ${examId}: ${(error as Error).message}`)
        context.logger.error({ err: error, exam: examId }, 'retention purge failed; retried at the next run')
      }
      await context.progress({ done: ++done, total: exams.length })
    }
    if (failures.length) throw new Error(`retention: ${failures.length} exam(s) not purged: ${failures.join('; ')}`)
  },
})
