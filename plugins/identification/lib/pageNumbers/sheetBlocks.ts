import type { FoldedSheet } from './foldedSheet'
import type { WrittenNumber } from './parse'

/** Nats by which the best way to number the sheets must beat any other (another order, another count). */
const ORDER_MARGIN = 4
/** Sheets of a copy considered at most: their orders are enumerated (6 sheets in 8 places: 20,160). */
const MAX_SHEETS = 6
/** Sheets a copy may lack (a sheet never scanned, one joined later): counts beyond that are not considered. */
const MAX_MISSING_SHEETS = 2
const SHEET_PAGES = 4

type Placement = { total: number; starts: number[]; score: number }

/** Every way to give `count` sheets distinct places among `places`, as place indices. */
function* placements(count: number, places: number, taken: number[] = []): Generator<number[]> {
  if (taken.length === count) {
    yield taken
    return
  }
  for (let p = 0; p < places; p++) if (!taken.includes(p)) yield* placements(count, places, [...taken, p])
}

/**
 * Numbers a copy made of whole folded sheets (copies doubles, each cut in booklet order) by sheet rather
 * than by page: each sheet holds four numbers in a row (4k+1 … 4k+4), so the question is only which sheet
 * comes first. A hand the recogniser reads badly leaves every page's number in doubt, yet the four pages of a
 * sheet, each with its "n" and its "N", together say which block the sheet is. `gainsUnder(total)(page, n)`:
 * how much better "n / total" explains page `page`'s writing than writing that is no number (0 for a page not
 * read). Decided only when the best placement, count included, beats every other by a margin; a count that
 * says sheets are missing pays `missingPage` per page.
 */
export const numberBySheets = ({
  sheets,
  pageCount,
  gainsUnder,
  missingPage,
}: {
  sheets: FoldedSheet[]
  pageCount: number
  gainsUnder: (total: number) => (page: number, n: number) => number
  missingPage: number
}): (WrittenNumber | undefined)[] | undefined => {
  if (sheets.length < 2 || sheets.length > MAX_SHEETS) return undefined
  const candidates: Placement[] = []
  for (let blocks = sheets.length; blocks <= sheets.length + MAX_MISSING_SHEETS; blocks++) {
    const total = blocks * SHEET_PAGES
    const gain = gainsUnder(total)
    // what sheet s gains in block b
    const table = sheets.map((sheet) => Array.from({ length: blocks }, (_, b) => sheet.pages.reduce((sum, page, i) => sum + gain(page, b * SHEET_PAGES + i + 1), 0)))
    const penalty = missingPage * (total - sheets.length * SHEET_PAGES)
    for (const places of placements(sheets.length, blocks))
      candidates.push({ total, starts: places.map((b) => b * SHEET_PAGES + 1), score: places.reduce((sum, b, s) => sum + table[s]![b]!, 0) - penalty })
  }
  candidates.sort((a, b) => b.score - a.score)
  const [best, next] = candidates
  if (!best || best.score <= 0 || (next && best.score - next.score < ORDER_MARGIN)) return undefined
  const out: (WrittenNumber | undefined)[] = new Array(pageCount).fill(undefined)
  sheets.forEach((sheet, s) => sheet.pages.forEach((page, i) => (out[page] = { n: best.starts[s]! + i, total: best.total })))
  return out
}
