import { munkres } from 'munkres'

/**
 * Maximum-score one-to-one assignment of rows (copies) to columns (students), where
 * each row may instead take a private "nobody" option worth `unknownScore`. Columns
 * may stay free (absent students). Returns, per row, the column index or null.
 */
export const assignGlobally = ({ scores, unknownScore }: { scores: number[][]; unknownScore: number }): (number | null)[] => {
  const rows = scores.length
  if (rows === 0) return []
  const columns = scores[0]!.length
  // Private unknown columns: row i may only use unknown column i, so "nobody" never
  // competes between copies. Forbidden cells get a cost no real choice can reach.
  const forbidden = rows + columns + 10
  const cost = scores.map((row, i) => [
    ...row.map((s) => 1 - s),
    ...Array.from({ length: rows }, (_, k) => (k === i ? 1 - unknownScore : forbidden)),
  ])
  const result: (number | null)[] = new Array(rows).fill(null)
  for (const [row, column] of munkres(cost)) if (column < columns) result[row] = column
  return result
}
