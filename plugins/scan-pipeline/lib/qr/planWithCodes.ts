import { planCopies } from '../segment/planCopies'
import type { SubjectModel } from '../template/subject'
import type { CopyPlan } from '../types'
import { groupByCode } from './groupByCode'

/**
 * A batch's copies: prepared booklets by their codes first (exact), then every page without a readable
 * code cut as unprepared paper. A batch of both (a spare sheet, a damaged code) works; nothing is dropped.
 */
export const planWithCodes = ({ examId, ...options }: Parameters<typeof planCopies>[0] & { examId: string | number }): CopyPlan => {
  const grouped = groupByCode({ analyses: options.analyses, examId, fileName: options.fileName })
  if (grouped.copies.length === 0) return planCopies(options)
  const rest = grouped.rest.length > 0 ? planCopies({ ...options, analyses: grouped.rest }) : undefined
  return {
    copies: [...grouped.copies, ...(rest?.copies ?? [])],
    anomalies: [...grouped.anomalies, ...(rest?.anomalies ?? [])],
    model: rest && rest.copies.length > 0 ? rest.model : { boundary: 'qr-code' },
  }
}
