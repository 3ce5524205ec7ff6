import type { ResultsTable } from '../types'
import { distribution, type Distribution } from './distribution'
import { markHistogram, type Bin } from './histogram'
import { questionStatistics, type QuestionStatistics } from './questions'

export type ExamStatistics = {
  copies: number
  /** Only finalized copies count: a half-marked copy would drag every figure down. */
  finalized: number
  outOf20: Distribution | undefined
  /** Marks out of 20 in bins [0,2), [2,4), … [18,20]. */
  histogram: Bin[]
  questions: QuestionStatistics[]
}

/** Anonymous figures of an exam (no names): what a teacher may see of their own class. */
export const examStatistics = (table: ResultsTable): ExamStatistics => {
  const done = table.rows.filter((r) => r.status === 'finalized')
  const marks = done.map((r) => r.outOf20).filter((m): m is number => m !== undefined)
  return {
    copies: table.rows.length,
    finalized: done.length,
    outOf20: distribution(marks),
    histogram: markHistogram(marks),
    questions: table.questions.map((question) =>
      questionStatistics({ question, points: done.map((r) => r.points[question.key]).filter((p): p is number => p !== undefined) }),
    ),
  }
}
