import { totalOf } from '../../../../collections/grading-scale'
import type { GradeLine, ScaleQuestion } from '../types'

export type SummaryRow = { key: string; label: string; points: number | undefined; maxPoints: number; comment: string }
export type Summary = { rows: SummaryRow[]; total: number; maxTotal: number; outOf20: number | undefined }

/** The summary's numbers, computed like the server's total (clamped per question, scale order). */
export const summarize = ({ grades, scale }: { grades: GradeLine[]; scale: ScaleQuestion[] }): Summary => {
  const byKey = new Map(grades.map((g) => [g.questionKey, g]))
  const rows = scale.map((q) => {
    const grade = byKey.get(q.key)
    return {
      key: q.key,
      label: q.label ? `${q.key} — ${q.label}` : q.key,
      points: typeof grade?.points === 'number' ? grade.points : undefined,
      maxPoints: q.maxPoints,
      comment: grade?.comment?.trim() ?? '',
    }
  })
  const total = totalOf({ grades: grades.map((g) => ({ questionKey: g.questionKey, points: g.points })), questions: scale })
  const maxTotal = scale.reduce((sum, q) => sum + q.maxPoints, 0)
  return { rows, total, maxTotal, outOf20: maxTotal > 0 ? Math.round((total / maxTotal) * 20 * 100) / 100 : undefined }
}
