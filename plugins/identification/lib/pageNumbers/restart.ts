import { decodeCopyNumbers } from './decode'
import type { WrittenNumber } from './parse'
import type { PageNumberScores } from './readPageNumber'

/** Pages each part must have numbered for a restart to be read. */
const MIN_NUMBERED = 2

/** A piece that is two copies: where the second starts, and each part's numbers decoded apart. */
export type NumberRestart = { at: number; head: (WrittenNumber | undefined)[]; tail: (WrittenNumber | undefined)[] }

type Sheets = { sheetOf?: (string | undefined)[]; sideOf?: (string | undefined)[] }

const numbered = (numbers: (WrittenNumber | undefined)[]) => numbers.filter(Boolean).length

/**
 * Where a piece holds the end of one copy and the whole of the next: a student who wrote no name on a first
 * sheet is cut into the piece before ("5/6 6/6" then "1/4 … 4/4"), and no single count explains the piece. The
 * page from which the numbers, decoded apart, start again at 1 — read on that very page — under a count of their
 * own (or under the same count when the part before has its own 1: two copies of one length), never inside a
 * folded sheet, when the two parts number more pages than the piece decoded whole. Undefined elsewhere: a page
 * misread "1" in the middle of a copy leaves the part after it without a count of its own, or the whole better read.
 */
export const restartOf = ({ scores, sheetOf = [], sideOf = [], decoded }: { scores: (PageNumberScores | undefined)[]; decoded?: (WrittenNumber | undefined)[] } & Sheets): NumberRestart | undefined => {
  const decode = (from: number, to: number) => decodeCopyNumbers(scores.slice(from, to), { sheetOf: sheetOf.slice(from, to), sideOf: sideOf.slice(from, to) })
  // `decoded`: the piece decoded whole, when the caller has it
  const whole = numbered(decoded ?? decode(0, scores.length))
  // the parts can only number pages that were read: a piece numbered on every read page is one copy
  if (whole >= scores.filter(Boolean).length) return undefined
  let best: (NumberRestart & { count: number }) | undefined
  for (let at = 1; at < scores.length; at++) {
    if (!scores[at] || (sheetOf[at] !== undefined && sheetOf[at] === sheetOf[at - 1])) continue
    const tail = decode(at, scores.length)
    if (tail[0]?.n !== 1 || numbered(tail) < MIN_NUMBERED) continue
    const head = decode(0, at)
    const headCount = head.find(Boolean)?.total
    if (numbered(head) < MIN_NUMBERED || (headCount === tail[0].total && !head.some((w) => w?.n === 1))) continue
    const count = numbered(head) + numbered(tail)
    if (count > whole && (!best || count > best.count)) best = { at, head, tail, count }
  }
  return best && { at: best.at, head: best.head, tail: best.tail }
}
