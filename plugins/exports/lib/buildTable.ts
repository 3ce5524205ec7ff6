import { totalOf } from '../../../collections/grading-scale'
import type { ResultRow, ResultsTable, RoundingRule, ScaleQuestion } from './types'

export type TableCopy = {
  anonymousId: string
  status: string
  student?: { lastName?: string | null; firstName?: string | null; className?: string | null } | null
  /** `corrector` (a user id) only matters to the statistics. */
  grades: { questionKey: string; points: number | null | undefined; corrector?: string | number | null }[]
}

const CLOSED = ['locked', 'finalized']

const collator = new Intl.Collator('fr', { sensitivity: 'base' })

/**
 * The results of one exam. The total is recomputed from the grades with the server's rule (never read
 * from a client); rows are sorted by name, anonymous copies last, so a teacher reads it like a class list.
 */
export const buildResultsTable = ({
  exam,
  questions,
  copies,
  rounding,
}: {
  exam: ResultsTable['exam']
  questions: ScaleQuestion[]
  copies: TableCopy[]
  rounding: RoundingRule
}): ResultsTable => {
  const maxTotal = questions.reduce((sum, q) => sum + q.maxPoints, 0)
  const rows: ResultRow[] = copies.map((copy) => {
    const points: Record<string, number | undefined> = {}
    for (const g of copy.grades) if (typeof g.points === 'number') points[g.questionKey] = g.points
    // A copy not marked yet has no total: an empty cell, never a 0 a teacher would copy into a report.
    // A closed copy without a single mark was marked, and earned nothing.
    const marked = CLOSED.includes(copy.status) || questions.some((q) => points[q.key] !== undefined)
    const total = marked ? totalOf({ grades: copy.grades, questions }) : undefined
    return {
      anonymousId: copy.anonymousId,
      lastName: copy.student?.lastName ?? '',
      firstName: copy.student?.firstName ?? '',
      className: copy.student?.className ?? exam.className ?? '',
      status: copy.status,
      points,
      total,
      outOf20: total !== undefined && maxTotal > 0 ? rounding.round((total / maxTotal) * 20) : undefined,
    }
  })
  rows.sort(
    (a, b) =>
      Number(!a.lastName) - Number(!b.lastName) ||
      collator.compare(a.lastName, b.lastName) ||
      collator.compare(a.firstName, b.firstName) ||
      a.anonymousId.localeCompare(b.anonymousId),
  )
  return { exam, questions, maxTotal, rows }
}
