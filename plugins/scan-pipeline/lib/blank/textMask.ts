import type { Box } from '../types'
import type { Segment } from '../layout/lines'

/**
 * Ink that is neither printed structure (rules, margin, header box) nor scanner border:
 * what the student wrote. Isolated pixels (grain, JPEG ringing) are dropped.
 */
export const textMask = ({
  mask,
  width,
  height,
  hLines,
  vLines,
  exclude,
}: {
  mask: Uint8Array
  width: number
  height: number
  hLines: Segment[]
  vLines: Segment[]
  exclude?: Box
}): Uint8Array => {
  const out = new Uint8Array(mask.length)
  const bx = Math.round(width * 0.03)
  const by = Math.round(height * 0.02)
  for (let y = by; y < height - by; y++) {
    for (let x = bx; x < width - bx; x++) {
      const i = y * width + x
      if (!mask[i]) continue
      if (!(mask[i - 1] || mask[i + 1] || mask[i - width] || mask[i + width])) continue
      out[i] = 1
    }
  }
  const clear = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) out.fill(0, y * width + Math.max(0, x0), y * width + Math.min(width - 1, x1) + 1)
  }
  for (const l of hLines) clear(l.start - 2, Math.floor(l.pos) - 2, l.end + 2, Math.ceil(l.pos) + 2)
  for (const l of vLines) clear(Math.floor(l.pos) - 2, l.start - 2, Math.ceil(l.pos) + 2, l.end + 2)
  if (exclude) clear(exclude.x - 4, exclude.y - 4, exclude.x + exclude.width + 4, exclude.y + exclude.height + 4)
  return out
}

export const countInk = (mask: Uint8Array): number => {
  let n = 0
  for (let i = 0; i < mask.length; i++) n += mask[i]!
  return n
}
