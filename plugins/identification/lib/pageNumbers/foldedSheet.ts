/**
 * A folded A3 sheet is four pages: one side printed with two of them, the other side with the two between
 * them — a copie double is 4 | 1 outside and 2 | 3 inside, the outer sheet of a nested booklet 8 | 1 and
 * 2 | 7. Numbers read on a sheet's halves that no folding can carry (8 and 9 on one side, 10 and 11 on
 * the other) hold a misread.
 */
export type FoldedSheet = {
  /** the sheet's four pages in the copy, in the order the cut gave them */
  pages: number[]
  /** the stored side (scan page) each of them is on */
  sides: string[]
}

const SHEET_PAGES = 4

/** Runs of pages in a row on one sheet (`sheetOf[i]` names page i's sheet; none: a run of one), as [start, end). */
export const sheetRuns = (sheetOf: (string | undefined)[]): [number, number][] => {
  const runs: [number, number][] = []
  for (let start = 0; start < sheetOf.length; ) {
    let end = start + 1
    while (sheetOf[start] !== undefined && end < sheetOf.length && sheetOf[end] === sheetOf[start]) end++
    runs.push([start, end])
    start = end
  }
  return runs
}

/**
 * A copy's pages as folded sheets: an A3 half is on the sheet of its duplex pair of scanned sides (pages 2k-1
 * and 2k) and on its own side; an A4 page is on no sheet.
 */
export const sheetKeys = (pages: { batch?: unknown; sourcePage: number; region: string }[]) => ({
  sheetOf: pages.map((p) => (p.region !== 'full' ? `${p.batch ?? ''}:${Math.ceil(p.sourcePage / 2)}` : undefined)),
  sideOf: pages.map((p) => `${p.batch ?? ''}:${p.sourcePage}`),
})

/** Runs of exactly four pages in a row on one sheet, two halves on each of two sides: the whole sheets of a copy. */
export const foldedSheets = ({ sheetOf, sideOf }: { sheetOf: (string | undefined)[]; sideOf: (string | undefined)[] }): FoldedSheet[] =>
  sheetRuns(sheetOf).flatMap(([start, end]) => {
    const pages = Array.from({ length: end - start }, (_, i) => start + i)
    const sides = pages.map((i) => sideOf[i])
    const perSide = new Map<string, number>()
    for (const side of sides) if (side !== undefined) perSide.set(side, (perSide.get(side) ?? 0) + 1)
    return pages.length === SHEET_PAGES && perSide.size === 2 && [...perSide.values()].every((n) => n === 2) ? [{ pages, sides: sides as string[] }] : []
  })

/** Whether some folding carries these numbers: one side within {a, b}, the other within {a + 1, b − 1}. */
export const foldable = ({ numbers, sides, total }: { numbers: (number | undefined)[]; sides: string[]; total: number }): boolean => {
  const [first] = sides
  const on = (mine: boolean) => numbers.filter((n, i) => n !== undefined && (sides[i] === first) === mine) as number[]
  const [one, other] = [on(true), on(false)]
  const within = (set: number[], a: number, b: number) => set.every((n) => n === a || n === b)
  for (let a = 1; a <= total; a++)
    for (let b = a + 3; b <= total; b++)
      if ((within(one, a, b) && within(other, a + 1, b - 1)) || (within(other, a, b) && within(one, a + 1, b - 1))) return true
  return false
}

/** The cut gave the sheet's halves in booklet order (outer right, inner left and right, outer left): their numbers follow each other. */
export const inBookletOrder = ({ sides }: FoldedSheet): boolean => sides[0] === sides[3] && sides[1] === sides[2] && sides[0] !== sides[1]
