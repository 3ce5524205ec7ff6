/**
 * A bar of a histogram: values in [from, to), the last bar also takes `to`. A bar with from === to
 * holds exactly that value (a question marked on a few possible points gets one bar per mark).
 */
export type Bin = { from: number; to: number; count: number }

const MAX_VALUE_BARS = 12
const RANGE_BARS = 10

/** Marks out of 20 in bins [0,2), [2,4), … [18,20]. */
export const markHistogram = (marks: number[]): Bin[] => {
  const bins = Array.from({ length: RANGE_BARS }, (_, i) => ({ from: i * 2, to: i * 2 + 2, count: 0 }))
  for (const mark of marks) bins[Math.min(RANGE_BARS - 1, Math.max(0, Math.floor(mark / 2)))]!.count++
  return bins
}

/**
 * Points of one question over 0..maxPoints: one bar per possible mark when there are few (0, 0.5, … 4),
 * otherwise ten equal ranges, so that a 20-point question marked by quarters stays readable.
 */
export const pointsHistogram = ({ values, maxPoints, step }: { values: number[]; maxPoints: number; step?: number | null }): Bin[] => {
  if (!(maxPoints > 0)) return []
  const marks = step && step > 0 ? Math.round(maxPoints / step) + 1 : Infinity
  if (marks <= MAX_VALUE_BARS) {
    const bins = Array.from({ length: marks }, (_, i) => {
      const value = Math.round(i * step! * 1e6) / 1e6
      return { from: value, to: value, count: 0 }
    })
    for (const v of values) bins[Math.min(marks - 1, Math.max(0, Math.round(v / step!)))]!.count++
    return bins
  }
  // The tolerance keeps 1.8 in [1.8, 2.4): 1.8 / 0.6 is 2.9999999999999996 in floating point.
  const width = maxPoints / RANGE_BARS
  const bins = Array.from({ length: RANGE_BARS }, (_, i) => ({ from: Math.round(i * width * 1e6) / 1e6, to: Math.round((i + 1) * width * 1e6) / 1e6, count: 0 }))
  for (const v of values) bins[Math.min(RANGE_BARS - 1, Math.max(0, Math.floor(v / width + 1e-9)))]!.count++
  return bins
}
