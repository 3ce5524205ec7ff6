import { decodeCopyNumbers } from './decode'
import type { WrittenNumber } from './parse'
import type { PageNumberScores } from './readPageNumber'

/** Passes of cutting copies where their numbers start again at 1 after the first: a piece of three copies takes two. */
export const MAX_SPLIT_PASSES = 3

/** Pages each part must have numbered for a restart to be read. */
const MIN_NUMBERED = 2
/** How many of the next possible starts a part may run to: pages misread as a 1 between two copies' starts, and a spare. */
const PARTS_AHEAD = 8
/** Nats a page's best reading of a 1 may trail its best reading of all: a 1 the decoding of its part could keep. */
const ONE_WITHIN = 8

/** Whether a page's writing can be read as "1 / N" for some count N about as well as anything else. */
const mayReadOne = ({ scores }: PageNumberScores): boolean => {
  let best = -Infinity
  let one = -Infinity
  for (const row of scores) {
    if (!row) continue
    for (let n = 1; n < row.length; n++) best = Math.max(best, row[n]!)
    if (row.length > 1) one = Math.max(one, row[1]!)
  }
  return one >= best - ONE_WITHIN
}

/** A piece that is two copies: where the second starts, and each part's numbers decoded apart. */
export type NumberRestart = { at: number; head: (WrittenNumber | undefined)[]; tail: (WrittenNumber | undefined)[] }

type Sheets = { sheetOf?: (string | undefined)[]; sideOf?: (string | undefined)[] }

const numbered = (numbers: (WrittenNumber | undefined)[]) => numbers.filter(Boolean).length

/**
 * Where a piece holds the end of one copy and the whole of the next: a student who wrote no name on a first
 * sheet is cut into the piece before ("5/6 6/6" then "1/4 … 4/4"), and no single count explains the piece. The
 * piece is read as a run of copies, each numbered under its own count (or under the same count when the part
 * before has its own 1: two copies of one length), every part after the first starting again at 1 — read on that
 * very page — never inside a folded sheet, each part with pages of its own numbered; the run that numbers the most
 * pages, when that is more than the piece decoded whole. Its first cut is returned: a piece of three copies ("1/4 …
 * 4/4", "1/3 … 3/3", "1/5 … 5/5") has no single cut whose two sides each decode under one count, so the parts are
 * found together, and the part after the cut is cut again on its own. Undefined elsewhere: a page misread "1" in the
 * middle of a copy leaves the part after it without a count of its own, or the whole better read.
 */
export const restartOf = ({ scores, sheetOf = [], sideOf = [], decoded }: { scores: (PageNumberScores | undefined)[]; decoded?: (WrittenNumber | undefined)[] } & Sheets): NumberRestart | undefined => {
  const decodedParts = new Map<string, (WrittenNumber | undefined)[]>()
  const decode = (from: number, to: number) => {
    const key = `${from}:${to}`
    if (!decodedParts.has(key)) decodedParts.set(key, decodeCopyNumbers(scores.slice(from, to), { sheetOf: sheetOf.slice(from, to), sideOf: sideOf.slice(from, to) }))
    return decodedParts.get(key)!
  }
  const pages = scores.length
  // `decoded`: the piece decoded whole, when the caller has it
  const whole = numbered(decoded ?? decode(0, pages))
  // the parts can only number pages that were read: a piece numbered on every read page is one copy
  if (whole >= scores.filter(Boolean).length) return undefined
  // Where a part may start: a page the piece may cut before whose own reading can be a 1. Each part ends where one of
  // the next few such pages starts another, or at the piece's end: the search stays linear in a long piece (a batch
  // cut into one block), where every pair of pages would take minutes.
  const starts = scores.flatMap((page, at) => (at > 0 && page && mayReadOne(page) && (sheetOf[at] === undefined || sheetOf[at] !== sheetOf[at - 1]) ? [at] : []))
  const endsAfter = (k: number) => [...starts.slice(k + 1, k + 1 + PARTS_AHEAD), pages]
  /** a part [from, to) after a cut: its numbers start at 1 on its first page, and it numbers enough pages */
  const startsAgain = (from: number, to: number) => decode(from, to)[0]?.n === 1 && numbered(decode(from, to)) >= MIN_NUMBERED
  /**
   * A part before a cut is another copy than the one after it: a count of its own, or its own 1. Or the part after
   * it numbers every page of its count ("1/4 … 4/4"): then the written pages before it are no pages of that copy, even
   * where only one of them was read (a last sheet's "5/6" and its blank back before a student who wrote no name).
   */
  const apart = ({ head, tail, from, to }: { head: (WrittenNumber | undefined)[]; tail: (WrittenNumber | undefined)[]; from: number; to: number }) =>
    (numbered(head) >= MIN_NUMBERED && (head.find(Boolean)?.total !== tail[0]!.total || head.some((w) => w?.n === 1))) ||
    (numbered(tail) === tail[0]!.total && scores.slice(from, to).some(Boolean))
  // best[from:to]: the most pages a run of parts numbers over [0, to), its last part [from, to), the part before it
  type Run = { count: number; from: number; to: number; before?: Run }
  const best = new Map<string, Run>()
  for (const to of starts.slice(0, PARTS_AHEAD)) best.set(`0:${to}`, { count: numbered(decode(0, to)), from: 0, to })
  starts.forEach((from, k) => {
    for (const to of endsAfter(k)) {
      if (!startsAgain(from, to)) continue
      const tail = decode(from, to)
      let chosen: Run | undefined
      for (const prev of [0, ...starts.slice(0, k)]) {
        const before = best.get(`${prev}:${from}`)
        if (!before || !apart({ head: decode(prev, from), tail, from: prev, to: from })) continue
        const run = { count: before.count + numbered(tail), from, to, before }
        if (!chosen || run.count > chosen.count) chosen = run
      }
      if (chosen) best.set(`${from}:${to}`, chosen)
    }
  })
  let top: Run | undefined
  for (const from of starts) {
    const run = best.get(`${from}:${pages}`)
    if (run && run.count > whole && (!top || run.count > top.count)) top = run
  }
  if (!top) return undefined
  // the part right after the first cut
  let second = top
  while (second.before && second.before.from > 0) second = second.before
  return { at: second.from, head: decode(0, second.from), tail: decode(second.from, second.to) }
}
