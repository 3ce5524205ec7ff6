/** A page number as the student wrote it: "n / N", page n of N. */
export type WrittenNumber = { n: number; total: number }

/** More pages than any copy has: a reading beyond it is noise. */
export const MAX_PAGES = 60

const valid = (n: number, total: number): WrittenNumber | undefined =>
  Number.isInteger(n) && Number.isInteger(total) && n >= 1 && total >= 2 && n <= total && total <= MAX_PAGES ? { n, total } : undefined

/**
 * "3/8", "03 / 08", "p. 3 sur 8": the two numbers, when the text holds exactly two of one or two digits.
 * Undefined for anything else (a date, one number, a stray stroke read as digits).
 */
export const parseWrittenNumber = (text: string): WrittenNumber | undefined => {
  const groups = text.replace(/[oO]/g, '0').match(/\d+/g) ?? []
  if (groups.length === 2 && groups.every((g) => g.length <= 2)) return valid(Number(groups[0]), Number(groups[1]))
  // "0412": two cell pairs read as one run
  if (groups.length === 1 && groups[0]!.length === 4) return valid(Number(groups[0]!.slice(0, 2)), Number(groups[0]!.slice(2)))
  return undefined
}
