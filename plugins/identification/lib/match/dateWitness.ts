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
/** Misread digits must not turn one classmate's date into another's: every other date is this many edits further. */
const LEAD = 2

const editsFrom = (read: string, digits: DateDigits) => Math.min(levenshtein(digits.long, read), levenshtein(digits.short, read))

/**
 * The student whose birth date a copy reads (some engine's digits, all of them, at most one edit away), when
 * every other student's date is at least two edits further from the reading: no classmate born that day, none
 * whose date a misread digit gives. A date is independent of the names' handwriting: with a name that does not
 * point elsewhere, it names the student where the name alone was too faint (see `identifyCopies`).
 */
export const dateWitness = ({ reading, dates }: { reading: PreparedReading; dates: (DateDigits | null)[] }): number | undefined => {
  let witness: number | undefined
  for (const read of reading.date) {
    if (read.text.length < 5 || read.text.length > 9) continue
    const distances = dates.map((digits) => (digits ? editsFrom(read.text, digits) : Infinity))
    const best = Math.min(...distances)
    if (best > MAX_EDITS) continue
    const nearest = distances.flatMap((d, j) => (d === best ? [j] : []))
    if (nearest.length !== 1 || distances.some((d, k) => k !== nearest[0] && d < best + LEAD)) continue
    // Two engines naming two different students: no witness at all.
    if (witness !== undefined && witness !== nearest[0]) return undefined
    witness = nearest[0]
  }
  return witness
}
