import type { ResultsTable } from './types'

export type Distribution = { count: number; mean: number; median: number; stdDev: number; min: number; max: number }
export type QuestionStatistics = { key: string; label: string; maxPoints: number; graded: number; mean: number; successRate: number }
export type ExamStatistics = {
  copies: number
  /** Only finalized copies count: a half-marked copy would drag every figure down. */
  finalized: number
  outOf20: Distribution | undefined
  /** Marks out of 20 in bins [0,2), [2,4), … [18,20]. */
  histogram: { from: number; to: number; count: number }[]
  questions: QuestionStatistics[]
}

const round2 = (n: number) => Math.round(n * 100) / 100

export const distribution = (values: number[]): Distribution | undefined => {
  if (!values.length) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mean = values.reduce((s, v) => s + v, 0) / values.length
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length
  return { count: values.length, mean: round2(mean), median: round2(median), stdDev: round2(Math.sqrt(variance)), min: sorted[0], max: sorted[sorted.length - 1] }
}

/** Anonymous figures of an exam (no names): what a teacher may see of their own class. */
export const examStatistics = (table: ResultsTable): ExamStatistics => {
  const done = table.rows.filter((r) => r.status === 'finalized')
  const marks = done.map((r) => r.outOf20).filter((m): m is number => m !== undefined)
  const histogram = Array.from({ length: 10 }, (_, i) => ({ from: i * 2, to: i * 2 + 2, count: 0 }))
  for (const mark of marks) histogram[Math.min(9, Math.max(0, Math.floor(mark / 2)))].count++
  return {
    copies: table.rows.length,
    finalized: done.length,
    outOf20: distribution(marks),
    histogram,
    questions: table.questions.map((q) => {
      const points = done.map((r) => r.points[q.key]).filter((p): p is number => p !== undefined)
      const mean = points.length ? points.reduce((s, p) => s + p, 0) / points.length : 0
      return { key: q.key, label: q.label || q.key, maxPoints: q.maxPoints, graded: points.length, mean: round2(mean), successRate: q.maxPoints > 0 ? round2(mean / q.maxPoints) : 0 }
    }),
  }
}
