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
 * Edits a reading may be from its student's date: one, for a digit of the cell's print read as writing (the
 * "1" of a "/") or a digit not read.
 */
const MAX_EDITS = 1
/** Misread digits must not turn one classmate's date into another's: a date fewer edits further is a near date. */
const LEAD = 2

const editsFrom = (read: string, digits: DateDigits) => Math.min(levenshtein(digits.long, read), levenshtein(digits.short, read))

/** The student a read date names, and the classmates one misread digit further whom the name must rule out. */
export type DateWitness = { student: number; nearDates: number[] }

/**
 * The student whose birth date a copy reads (some engine's digits, all of them, at most one edit away), alone at
 * that distance. A classmate whose date is less than two edits further (born the same month, one digit apart) is
 * in `nearDates`: a misread digit could give that date, so the name must tell the two apart (see
 * `identifyCopies`). A date is independent of the names' handwriting: with a name that does not point elsewhere,
 * it names the student where the name alone was too faint.
 */
export const dateWitness = ({ reading, dates }: { reading: PreparedReading; dates: (DateDigits | null)[] }): DateWitness | undefined => {
  let witness: DateWitness | undefined
  for (const read of reading.date) {
    if (read.text.length < 5 || read.text.length > 9) continue
    const distances = dates.map((digits) => (digits ? editsFrom(read.text, digits) : Infinity))
    const best = Math.min(...distances)
    if (best > MAX_EDITS) continue
    const nearest = distances.flatMap((d, j) => (d === best ? [j] : []))
    if (nearest.length !== 1) continue
    const nearDates = distances.flatMap((d, k) => (k !== nearest[0] && d < best + LEAD ? [k] : []))
    // Two engines naming two different students: no witness at all.
    if (witness && witness.student !== nearest[0]) return undefined
    witness = { student: nearest[0]!, nearDates: [...new Set([...(witness?.nearDates ?? []), ...nearDates])] }
  }
  return witness
}
