import type { Box } from '../types'
import { horizontalLines, verticalLines, type Segment } from './lines'

export type HeaderHit = { box: Box; position: 'top' | 'bottom' }

/**
 * The exam header is a printed box across most of the page width, near one end of the page.
 * We look for two long horizontal rules joined by vertical edges at both ends: ruled paper
 * (too light, and no vertical edges) and handwriting (no long straight runs) don't match.
 */
export const findHeaderBox = ({ mask, width, height, lines }: { mask: Uint8Array; width: number; height: number; lines?: Segment[] }): HeaderHit | undefined => {
  const minLength = Math.round(width * 0.6)
  const rows = (lines ?? horizontalLines({ mask, width, height, minLength })).filter((l) => l.end - l.start + 1 >= minLength)
  let best: HeaderHit | undefined
  let bestWidth = 0
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!
      const b = rows[j]!
      const gap = b.pos - a.pos
      if (gap < height * 0.05 || gap > height * 0.22) continue
      const x0 = Math.max(a.start, b.start)
      const x1 = Math.min(a.end, b.end)
      if (x1 - x0 < width * 0.55) continue
      const mid = (a.pos + b.pos) / 2
      const position = mid < height * 0.4 ? 'top' : mid > height * 0.6 ? 'bottom' : undefined
      if (!position) continue
      // vertical edges: look in a thin band of rows between the two rules
      const y0 = Math.round(a.pos)
      const y1 = Math.round(b.pos)
      const band = mask.subarray(y0 * width, (y1 + 1) * width)
      const edges = verticalLines({ mask: band, width, height: y1 - y0 + 1, minLength: Math.round(gap * 0.75) })
      const near = (x: number) => edges.some((e) => Math.abs(e.pos - x) <= Math.max(4, width * 0.015))
      if (!near(a.start) && !near(b.start)) continue
      if (!near(a.end) && !near(b.end)) continue
      if (x1 - x0 > bestWidth) {
        bestWidth = x1 - x0
        best = { box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, position }
      }
    }
  }
  return best
}
