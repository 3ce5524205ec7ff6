/** Page sizes in PDF points; A3 is the landscape spread of two A4 halves (the old generator's 1191 wide). */
export const A4 = { width: 595, height: 842 } as const
export const A3 = { width: 1191, height: 842 } as const
export const MM = 72 / 25.4

/** A rectangle in PDF points of an upright A4 page, top-left origin. */
export type Box = { x: number; y: number; width: number; height: number }

export const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}

export const pad = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by })

/** Clamp to the A4 page and round to 0.1 pt (truth stays readable). */
export const clampToPage = (b: Box): Box => {
  const x = Math.max(0, b.x)
  const y = Math.max(0, b.y)
  const r = Math.min(A4.width, b.x + b.width)
  const bottom = Math.min(A4.height, b.y + b.height)
  const round = (v: number) => Math.round(v * 10) / 10
  return { x: round(x), y: round(y), width: round(r - x), height: round(bottom - y) }
}
