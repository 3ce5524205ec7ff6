/**
 * A3 booklets folded in the middle: sheet s (0-based) of a booklet of P pages (rounded up to a multiple
 * of 4) carries, left to right, P−2s and 2s+1 on its front, 2s+2 and P−2s−1 on its back. Printing and
 * reading share this one function, so a half whose code is unreadable is still placed by its partner.
 */
export type SheetSide = { left: number; right: number }

export const bookletPageCount = (pageCount: number): number => Math.max(4, Math.ceil(pageCount / 4) * 4)

export const bookletSides = (pageCount: number): SheetSide[] => {
  const p = bookletPageCount(pageCount)
  const sides: SheetSide[] = []
  for (let s = 0; s < p / 4; s++) {
    sides.push({ left: p - 2 * s, right: 2 * s + 1 })
    sides.push({ left: 2 * s + 2, right: p - 2 * s - 1 })
  }
  return sides
}

/** The page printed beside `pageNo` on the same side of the sheet. */
export const partnerPage = (pageNo: number, pageCount: number): number => {
  const side = bookletSides(pageCount).find((s) => s.left === pageNo || s.right === pageNo)
  return side ? (side.left === pageNo ? side.right : side.left) : 0
}
