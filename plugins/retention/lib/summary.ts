/** What is kept of a purged exam: how many of what, and the marks' spread — no name, no id of a student. */
export type RetentionReport = {
  purgedAt: string
  retainUntil: string | null
  counts: Record<string, number>
  studentsRemoved: number
  studentsKept: number
  marks: { copies: number; mean: number | null; median: number | null; min: number | null; max: number | null }
}

export const marksSummary = (totals: number[]): RetentionReport['marks'] => {
  if (!totals.length) return { copies: 0, mean: null, median: null, min: null, max: null }
  const sorted = [...totals].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    copies: sorted.length,
    mean: round(sorted.reduce((s, t) => s + t, 0) / sorted.length),
    median: round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  }
}
