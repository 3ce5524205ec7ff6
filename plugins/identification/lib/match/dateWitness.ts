import { levenshtein } from './similarity'
import type { PreparedReading } from './score'

/** A birth date's digits as students write it: DDMMYYYY, or DDMMYY. */
export type DateDigits = { long: string; short: string }

export const birthDateDigits = (iso: string | null | undefined): DateDigits | null => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null
  if (!m) return null
  return { long: `${m[3]}${m[2]}${m[1]}`, short: `${m[3]}${m[2]}${m[1]!.slice(2)}` }
}

/**
 * A misread digit must not turn one classmate's date into another's: the reading is taken as a witness only
 * when every other student's date is at least this many edits away from it.
 */
const MIN_DISTANCE_TO_OTHERS = 2

const formOf = (read: string, digits: DateDigits) => (read.length <= 6 ? digits.short : digits.long)

/**
 * The student whose birth date a copy reads exactly (some engine's digits, all of them), when no other
 * student was born that day and no other date on the roster is one misread digit away from the reading.
 * A date is independent of the names' handwriting: with a name that does not point elsewhere, it names
 * the student where the name alone was too faint (see `identifyCopies`).
 */
export const dateWitness = ({ reading, dates }: { reading: PreparedReading; dates: (DateDigits | null)[] }): number | undefined => {
  let witness: number | undefined
  for (const read of reading.date) {
    if (read.text.length !== 6 && read.text.length !== 8) continue
    const exact = dates.flatMap((digits, j) => (digits && formOf(read.text, digits) === read.text ? [j] : []))
    if (exact.length !== 1) continue
    const j = exact[0]!
    const near = dates.some((digits, k) => k !== j && digits !== null && levenshtein(formOf(read.text, digits), read.text) < MIN_DISTANCE_TO_OTHERS)
    if (near) continue
    // Two engines naming two different students: no witness at all.
    if (witness !== undefined && witness !== j) return undefined
    witness = j
  }
  return witness
}
