import { munkres } from 'munkres'

import { foldable, foldedSheets, inBookletOrder, type FoldedSheet } from './foldedSheet'
import { MAX_PAGES, type WrittenNumber } from './parse'
import type { PageNumberScores } from './readPageNumber'
import { numberBySheets } from './sheetBlocks'

/** Nats by which a copy's page count must beat the next one, and a page's number the next one. */
const TOTAL_MARGIN = 4
const NUMBER_MARGIN = 2
/** Writing that explains a number this much worse than its own best reading is not a page number. */
const MISFIT = 8
/**
 * Nats a page count pays for each page it says the copy lacks (when every page reads that count on its own,
 * only those after its highest number). Without it a larger count always explains the writing a little
 * better (more numbers to choose from), and "17" beats "12" on a 2 written like a 7; a real missing page
 * costs less than the evidence of a dozen pages agreeing.
 */
const MISSING_PAGE = 3

/** A page's best reading "n / N" under any count, and under each count. */
const bestUnder = ({ scores }: PageNumberScores) => {
  const perTotal = scores.map((row) => Math.max(-Infinity, ...Array.from(row).slice(1)))
  return { best: Math.max(-Infinity, ...perTotal.filter((v) => v !== undefined)), perTotal }
}

/** The best distinct numbers for the pages under one count: page index → number, or none. */
const assignNumbers = ({ gains, total }: { gains: number[][]; total: number }): { picks: (number | undefined)[]; gain: number } => {
  const rows = gains.length
  // Each page may also take its own "no number" column, worth nothing; another page's is forbidden.
  const forbidden = 1e6
  const cost = gains.map((row, i) => [...row.slice(1, total + 1).map((g) => -g), ...Array.from({ length: rows }, (_, k) => (k === i ? 0 : forbidden))])
  const picks: (number | undefined)[] = new Array(rows).fill(undefined)
  let gain = 0
  for (const [row, column] of munkres(cost))
    if (column < total) {
      picks[row] = column + 1
      gain += gains[row]![column + 1]!
    }
  return { picks, gain }
}

/**
 * The numbers written on a copy's pages, decided for the copy at once: one page count for every page
 * (the one under which distinct numbers explain all the pages' writing best, by a margin), then each
 * page's number under it, kept only when clearly ahead of its other readings. Pages left undecided
 * get none. `sheetOf[i]` and `sideOf[i]` name the folded sheet and the scanned side page i is on: a
 * sheet whose numbers no folding can carry is numbered in the order the cut gave its halves, when that
 * order is a booklet's and its numbers are clearly ahead of any other start (see `refold`). When no count
 * or too few pages are decided so, a copy made of whole sheets is numbered sheet by sheet (`bySheets`).
 */
export const decodeCopyNumbers = (
  pages: (PageNumberScores | undefined)[],
  { sheetOf = [], sideOf = [] }: { sheetOf?: (string | undefined)[]; sideOf?: (string | undefined)[] } = {},
): (WrittenNumber | undefined)[] => {
  const read = pages.flatMap((p, index) => (p ? [{ index, ...p }] : []))
  const none = pages.map(() => undefined)
  if (read.length < 2) return none
  const sheets = foldedSheets({ sheetOf, sideOf })
  return byPages({ pages, read, sheets }) ?? bySheets({ pages, read, sheets }) ?? none
}

type ReadPage = PageNumberScores & { index: number }

/** A number's gain: how much better it explains the page than writing that is no number at all. */
const gainsOf = (p: PageNumberScores, total: number) => Array.from(p.scores[total]!, (s) => Math.max(0, s - (p.free - MISFIT)))

/**
 * A copy made only of whole folded sheets in booklet order, whose pages' numbers were not read surely one by
 * one, numbered sheet by sheet (`numberBySheets`): four doubtful readings in a row still place a sheet.
 */
const bySheets = ({ pages, read, sheets }: { pages: unknown[]; read: ReadPage[]; sheets: FoldedSheet[] }): (WrittenNumber | undefined)[] | undefined => {
  const whole = sheets.filter(inBookletOrder)
  const onSheets = new Set(whole.flatMap((s) => s.pages))
  if (!read.every((p) => onSheets.has(p.index))) return undefined
  const placed = numberBySheets({
    sheets: whole,
    pageCount: pages.length,
    missingPage: MISSING_PAGE,
    gainsUnder: (total) => {
      const gains = new Map(read.map((p) => [p.index, gainsOf(p, total)]))
      return (page, n) => gains.get(page)?.[n] ?? 0
    },
  })
  // A page with nothing written on it carries no number: its sheet still places it (orderByWrittenNumbers).
  const written = new Set(read.map((p) => p.index))
  return placed?.map((n, i) => (written.has(i) ? n : undefined))
}

/** Each page's number decided page by page under one count for the copy (see `decodeCopyNumbers`). */
const byPages = ({ pages, read, sheets }: { pages: unknown[]; read: ReadPage[]; sheets: FoldedSheet[] }): (WrittenNumber | undefined)[] | undefined => {
  const none = pages.map(() => undefined)
  const gainsUnder = (total: number) => read.map((p) => gainsOf(p, total))
  const totals: { total: number; score: number; missing: number; picks: (number | undefined)[]; gains: number[][] }[] = []
  const own = read.map(bestUnder)
  /** every page reads this count about as well as any other on its own */
  const unanimous = (total: number) => own.every(({ best, perTotal }) => perTotal[total]! >= best - NUMBER_MARGIN)
  const clearCount = readCount(own)
  for (let total = Math.max(2, read.length); total <= MAX_PAGES && total < read[0]!.scores.length; total++) {
    // "5/5" read "6/15", "3/5" read as well as "3/15": ten pages more that no page reads clearly is the slash as a 1
    if (own.every(({ perTotal }) => slashTwin({ perTotal, total }))) continue
    const gains = gainsUnder(total)
    const { picks, gain } = assignNumbers({ gains, total })
    // A count every page reads on its own is not paid for the pages its numbers place before theirs: a student's
    // third sheet read "5/6 6/6" lacks the four pages of the sheets before it, which join it later (fragments.ts).
    const highest = unanimous(total) ? Math.max(0, ...picks.map((n) => n ?? 0)) : 0
    // The count the pages themselves write clearly is not paid for at all: a copy's first sheet scanned as a piece
    // of its own ("1/12 2/12 … 4/12") lacks eight pages that other pieces hold.
    const missing = total === clearCount ? 0 : Math.max(0, total - Math.max(pages.length, highest))
    totals.push({ total, picks, gains, missing, score: gain - MISSING_PAGE * missing })
  }
  totals.sort((x, y) => y.score - x.score)
  const [best, second] = totals
  if (!best || best.score <= 0 || (second && best.score - second.score < TOTAL_MARGIN)) return undefined
  // One hand writes its digits alike on every page, so its pages' small leads are one misreading, not several: a
  // count that needs more pages never scanned than its runner-up must be read clearly ahead of it on some page. Led
  // only by pages each a little ahead ("8" a little more "9" on every sheet of a hairline hand), it is not read.
  if (second && best.missing > second.missing && !own.some(({ perTotal }) => perTotal[best.total]! - perTotal[second.total]! >= TOTAL_MARGIN)) return undefined
  const out: (WrittenNumber | undefined)[] = [...none]
  best.picks.forEach((n, r) => {
    if (n === undefined) return
    const row = read[r]!.scores[best.total]!
    const others = Math.max(...Array.from(row).filter((_, k) => k !== 0 && k !== n))
    if (row[n]! - others >= NUMBER_MARGIN && row[n]! >= read[r]!.free - MISFIT) out[read[r]!.index] = { n, total: best.total }
  })
  refold({ out, total: best.total, gains: best.gains, rowOf: new Map(read.map((p, r) => [p.index, r])), sheets })
  // A right count makes most written numbers readable under it; one that names only a few pages was
  // chosen by writing the recogniser cannot read (a hand it does not know), and says nothing.
  const named = out.filter(Boolean).length
  return named >= Math.max(2, Math.ceil(read.length / 2)) ? out : undefined
}

/** Pages that must read one count clearly before it is taken as written (see `readCount`). */
const CLEAR_VOTES = 2
const CLEAR_SHARE = 2 / 3

/**
 * A count ten more than another that reads about as well is that count with the student's slash read as a 1 ("2/6"
 * read "216" is "2/16" as much as "2/6", see scoreNumberCrop): it is no rival of its own.
 */
const slashTwin = ({ perTotal, total }: { perTotal: number[]; total: number }): boolean =>
  total >= 12 && perTotal[total - 10] !== undefined && perTotal[total - 10]! >= perTotal[total]! - NUMBER_MARGIN

/**
 * The page count the pages write clearly: the count each of at least two thirds of the read pages (and two) reads
 * ahead of every other count by `NUMBER_MARGIN`, no page reading another count so. A count a little likelier on
 * every page (a 2 written like a 7: "17" for "12") is no clear reading and still pays for the pages it says are missing.
 */
const readCount = (own: ReturnType<typeof bestUnder>[]): number | undefined => {
  const votes = own.flatMap(({ perTotal }) => {
    const ranked = perTotal
      .map((v, total) => ({ v, total }))
      .filter((r) => r.v !== undefined && Number.isFinite(r.v) && !slashTwin({ perTotal, total: r.total }))
      .sort((a, b) => b.v - a.v)
    const [first, second] = ranked
    return first && (!second || first.v - second.v >= NUMBER_MARGIN) ? [first.total] : []
  })
  const counts = new Set(votes)
  if (counts.size !== 1) return undefined
  return votes.length >= Math.max(CLEAR_VOTES, Math.ceil(own.length * CLEAR_SHARE)) ? votes[0] : undefined
}

/**
 * On a sheet whose numbers no folding carries (two misread halves: 9 read 8 and 12 read 9, beside 10 and 11),
 * the halves take four numbers in a row in the cut's booklet order — the start the halves' writing explains
 * best, clearly ahead of the next and clashing with no other page's number. Elsewhere the numbers read stay:
 * a sheet the cut put in another order is put right by them.
 */
const refold = ({ out, total, gains, rowOf, sheets }: { out: (WrittenNumber | undefined)[]; total: number; gains: number[][]; rowOf: Map<number, number>; sheets: ReturnType<typeof foldedSheets> }) => {
  for (const sheet of sheets) {
    const numbers = sheet.pages.map((i) => out[i]?.n)
    if (numbers.filter((n) => n !== undefined).length < 2 || foldable({ numbers, sides: sheet.sides, total }) || !inBookletOrder(sheet)) continue
    const gainAt = (start: number) => sheet.pages.reduce<number>((sum, page, i) => sum + (rowOf.has(page) ? gains[rowOf.get(page)!]![start + i]! : 0), 0)
    const ranked = Array.from({ length: Math.max(0, total - sheet.pages.length + 1) }, (_, k) => ({ start: k + 1, gain: gainAt(k + 1) })).sort((a, b) => b.gain - a.gain)
    const [first, next] = ranked
    if (!first || first.gain <= 0 || first.gain - (next?.gain ?? 0) < NUMBER_MARGIN) continue
    const elsewhere = new Set(out.flatMap((w, i) => (w && !sheet.pages.includes(i) ? [w.n] : [])))
    if (sheet.pages.some((_, i) => elsewhere.has(first.start + i))) continue
    sheet.pages.forEach((page, i) => (out[page] = { n: first.start + i, total }))
  }
}
