export type Distribution = { count: number; mean: number; median: number; stdDev: number; min: number; max: number }

export const round2 = (n: number) => Math.round(n * 100) / 100

/** Mean, median, population standard deviation and range, rounded to the hundredth; undefined when empty. */
export const distribution = (values: number[]): Distribution | undefined => {
  if (!values.length) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mean = values.reduce((s, v) => s + v, 0) / values.length
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length
  return { count: values.length, mean: round2(mean), median: round2(median), stdDev: round2(Math.sqrt(variance)), min: sorted[0]!, max: sorted[sorted.length - 1]! }
}
