import type { WrittenNumber } from './parse'
import type { PageNumberScores } from './readPageNumber'

/** Nats by which a copy's page count must beat the next one, and a page's number the next one. */
const TOTAL_MARGIN = 4
const NUMBER_MARGIN = 2
/** Writing that explains a number this much worse than its own best reading is not a page number. */
const MISFIT = 8

/**
 * The numbers written on a copy's pages, decided for the copy at once: one page count for every page
 * (the one that explains all the pages' writing best, by a margin), then each page's number under it,
 * kept only when clearly ahead and not claimed by a surer page. Pages left undecided get none.
 */
export const decodeCopyNumbers = (pages: (PageNumberScores | undefined)[]): (WrittenNumber | undefined)[] => {
  const read = pages.filter((p): p is PageNumberScores => !!p)
  if (read.length < 2) return pages.map(() => undefined)
  const totals: { total: number; score: number }[] = []
  for (let total = 2; total < read[0]!.scores.length; total++) {
    // A page's best number under this count; the count must leave room for every page of the scan.
    if (total < read.length) continue
    let score = 0
    for (const p of read) score += Math.max(...p.scores[total]!.slice(1))
    totals.push({ total, score })
  }
  totals.sort((x, y) => y.score - x.score)
  const [best, second] = totals
  if (!best || (second && best.score - second.score < TOTAL_MARGIN)) return pages.map(() => undefined)
  const picks = pages.map((p, index) => {
    if (!p) return undefined
    const row = [...p.scores[best.total]!.entries()].slice(1).sort((x, y) => y[1] - x[1])
    const [top, next] = row
    if (!top || p.free - top[1] > MISFIT || (next && top[1] - next[1] < NUMBER_MARGIN)) return undefined
    return { index, n: top[0], margin: next ? top[1] - next[1] : Infinity }
  })
  // One page per number: the surer page keeps it.
  const holder = new Map<number, { index: number; margin: number }>()
  for (const pick of picks) if (pick && (!holder.has(pick.n) || holder.get(pick.n)!.margin < pick.margin)) holder.set(pick.n, pick)
  return picks.map((pick) => (pick && holder.get(pick.n)?.index === pick.index ? { n: pick.n, total: best.total } : undefined))
}
