import { sheetRuns } from './foldedSheet'
import type { WrittenNumber } from './parse'

/** `sheet`: pages of one folded sheet (an A3 copie double's four halves) share it, in booklet order. */
export type NumberedPage = { written?: WrittenNumber; blank?: boolean; sheet?: string }

export type PageOrder = {
  /** indices of the pages in the order the student numbered them */
  order: number[]
  /** numbers in 1..total that no page carries and no unnumbered page can stand for */
  missing: number[]
  total: number
}

/** Fewer numbered pages than this, or numbers that disagree, and the pages keep the order of the scan. */
const MIN_NUMBERED = 2

/**
 * The order the student gave the pages, from the numbers written on them. An unnumbered page (left
 * blank, or a number not read) keeps its place after the page it followed in the scan, and stands for
 * a gap it fills there; numbers no page can stand for are missing. Undefined when the numbers do not
 * make one consistent count (two totals, a number twice, too few read): the scan order is kept.
 */
export const orderByWrittenNumbers = (input: NumberedPage[]): PageOrder | undefined => {
  const pages = numberWholeSheets(input)
  const numbered = pages.flatMap((p, index) => (p.written ? [{ index, ...p.written }] : []))
  if (numbered.length < MIN_NUMBERED) return undefined
  const totals = new Map<number, number>()
  for (const p of numbered) totals.set(p.total, (totals.get(p.total) ?? 0) + 1)
  const [total, votes] = [...totals.entries()].sort((a, b) => b[1] - a[1])[0]!
  // Most pages must agree on the count; a misread total on one page is tolerated.
  if (votes < Math.max(MIN_NUMBERED, Math.ceil(numbered.length * 0.6))) return undefined
  const agreeing = numbered.filter((p) => p.total === total)
  if (new Set(agreeing.map((p) => p.n)).size !== agreeing.length) return undefined

  // Unnumbered pages ride with the numbered page before them in the scan (or lead, before the first).
  const riders = new Map<number, number[]>()
  let anchor = -1
  const leading: number[] = []
  const anchorOf = new Set(agreeing.map((p) => p.index))
  for (let i = 0; i < pages.length; i++) {
    if (anchorOf.has(i)) anchor = i
    else if (anchor < 0) leading.push(i)
    else riders.set(anchor, [...(riders.get(anchor) ?? []), i])
  }
  const sorted = [...agreeing].sort((a, b) => a.n - b.n)
  const order = [...leading, ...sorted.flatMap((p) => [p.index, ...(riders.get(p.index) ?? [])])]

  // Each unnumbered page fills the next free number after its anchor.
  const used = new Set(sorted.map((p) => p.n))
  let next = 1
  for (const index of order) {
    const mine = agreeing.find((p) => p.index === index)
    if (mine) next = mine.n + 1
    else if (next <= total && !used.has(next)) used.add(next++)
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !used.has(n))
  return { order, missing, total }
}

/**
 * The pages of a folded sheet follow each other: one number read on a sheet numbers its other pages
 * (a page left blank, a number not read), when the numbers read on it agree with that.
 */
const numberWholeSheets = (pages: NumberedPage[]): NumberedPage[] => {
  const out = pages.map((p) => ({ ...p }))
  for (const [start, end] of sheetRuns(pages.map((p) => p.sheet))) {
    const read = out.slice(start, end).flatMap((p, i) => (p.written ? [{ offset: p.written.n - i, total: p.written.total }] : []))
    const agree = read.length > 0 && read.every((r) => r.offset === read[0]!.offset && r.total === read[0]!.total)
    if (end - start > 1 && agree)
      for (let i = start; i < end; i++) {
        const n = read[0]!.offset + (i - start)
        if (!out[i]!.written && n >= 1 && n <= read[0]!.total) out[i]!.written = { n, total: read[0]!.total }
      }
  }
  return out
}
