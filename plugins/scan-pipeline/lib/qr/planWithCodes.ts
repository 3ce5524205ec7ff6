import { planCopies } from '../segment/planCopies'
import type { SubjectModel } from '../template/subject'
import type { CopyPlan, PageAnalysis } from '../types'
import { groupByCode } from './groupByCode'
import { decodeBookletCode } from './payload'

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

/** The exam most of a batch's booklet codes were printed for (the command line has no exam to ask). */
export const mainExamOf = (analyses: PageAnalysis[]): string | undefined => {
  const counts = new Map<string, number>()
  for (const a of analyses)
    for (const c of a.codes ?? []) {
      const code = decodeBookletCode(c.text)
      if (code) counts.set(code.examId, (counts.get(code.examId) ?? 0) + 1)
    }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}
