export type MarkingPoints = Map<string, number>

export type Review = {
  totals: Record<string, number>
  gap: number
  questions: { key: string; points: number[]; gap: number }[]
  flagged: boolean
  reasons: string[]
}

const round = (n: number) => Math.round(n * 1000) / 1000

/**
 * Two blind markings of a copy side by side: flagged when the totals differ by more than `thresholdTotal`
 * points, or one question by more than `thresholdQuestion` (when set). Both markings are kept as they are.
 */
export const compareMarkings = ({
  questionKeys,
  first,
  second,
  thresholdTotal,
  thresholdQuestion,
}: {
  questionKeys: string[]
  first: MarkingPoints
  second: MarkingPoints
  thresholdTotal: number
  thresholdQuestion?: number | null
}): Review => {
  const sum = (m: MarkingPoints) => round(questionKeys.reduce((s, k) => s + (m.get(k) ?? 0), 0))
  const totals = { '1': sum(first), '2': sum(second) }
  const gap = round(Math.abs(totals['1'] - totals['2']))
  const questions = questionKeys.map((key) => {
    const points = [first.get(key) ?? 0, second.get(key) ?? 0]
    return { key, points, gap: round(Math.abs(points[0]! - points[1]!)) }
  })
  const reasons: string[] = []
  if (gap > thresholdTotal) reasons.push(`totals differ by ${gap} (threshold ${thresholdTotal})`)
  if (typeof thresholdQuestion === 'number')
    for (const q of questions) if (q.gap > thresholdQuestion) reasons.push(`question ${q.key} differs by ${q.gap} (threshold ${thresholdQuestion})`)
  return { totals, gap, questions, flagged: reasons.length > 0, reasons }
}
