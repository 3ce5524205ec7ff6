/**
 * Annotations live in the UPRIGHT, CROPPED page (top-left origin, y down), as the portal shows it.
 * pdf-lib draws in the page's default user space (bottom-left of the MediaBox, y up, before /Rotate).
 * `uprightMatrix` is the `cm` that lets us draw in "upright, y up" coordinates (X, Y) = (u, height - v).
 */
export type Box = { x: number; y: number; width: number; height: number }
export type Matrix = [number, number, number, number, number, number]
export type PageSpace = { width: number; height: number; matrix: Matrix }

export const normalizeRotation = (angle: number): 0 | 90 | 180 | 270 => {
  const r = (((Math.round(angle / 90) * 90) % 360) + 360) % 360
  return r as 0 | 90 | 180 | 270
}

export const pageSpace = ({ crop, rotate }: { crop: Box; rotate: number }): PageSpace => {
  const x0 = crop.x
  const y0 = crop.y
  const x1 = crop.x + crop.width
  const y1 = crop.y + crop.height
  switch (normalizeRotation(rotate)) {
    case 0:
      return { width: crop.width, height: crop.height, matrix: [1, 0, 0, 1, x0, y0] }
    // /Rotate turns the page clockwise for display: the stored left edge becomes the top.
    case 90:
      return { width: crop.height, height: crop.width, matrix: [0, 1, -1, 0, x1, y0] }
    case 180:
      return { width: crop.width, height: crop.height, matrix: [-1, 0, 0, -1, x1, y1] }
    case 270:
      return { width: crop.height, height: crop.width, matrix: [0, -1, 1, 0, x0, y1] }
  }
}

/** Where an upright top-left point lands in default user space (for tests and debugging). */
export const toUserSpace = ({ space, u, v }: { space: PageSpace; u: number; v: number }): { x: number; y: number } => {
  const [a, b, c, d, e, f] = space.matrix
  const X = u
  const Y = space.height - v
  return { x: a * X + c * Y + e, y: b * X + d * Y + f }
}
