import type { Id } from '../../../collections/access/roles'
import { defineJob } from '../../../jobs/define-job'
import { BadRequestError } from '../../../runtime/errors'
import { storeMedia } from '../../../storage/uploads'
import { exportExam } from '../services/exportExam'

export const EXPORT_RESULTS = 'export-results'

export type ExportResultsData = { examId: Id; format: string; columns?: string[]; rounding?: string }

/** For big exams: the same export as the endpoint, stored as a Media of kind `export` on the exam. */
export const exportResultsJob = defineJob<ExportResultsData>({
  name: EXPORT_RESULTS,
  version: 1,
  parse: (data) => {
    const d = (data ?? {}) as Record<string, unknown>
    if ((typeof d.examId !== 'string' || !d.examId) && typeof d.examId !== 'number')
      throw new BadRequestError(`${EXPORT_RESULTS}: examId must be a string or number id, got ${JSON.stringify(d.examId)}`)
    if (d.columns !== undefined && !(Array.isArray(d.columns) && d.columns.every((c) => typeof c === 'string')))
      throw new BadRequestError(`${EXPORT_RESULTS}: columns must be a list of column ids`)
    return {
      examId: d.examId,
      format: typeof d.format === 'string' && d.format ? d.format : 'csv',
      columns: d.columns as string[] | undefined,
      rounding: typeof d.rounding === 'string' ? d.rounding : undefined,
    }
  },
  handler: async ({ data, context }) => {
    const file = await exportExam({ payload: context.payload, ...data })
    const media = await storeMedia({
      payload: context.payload,
      bytes: file.bytes,
      name: file.fileName,
      mimetype: file.contentType.split(';')[0],
      data: { kind: 'export', exam: data.examId },
    })
    context.logger.info({ exam: data.examId, format: data.format, rows: file.rows, media: media.id }, 'results exported')
    await context.progress({ done: 1, total: 1 })
  },
})
