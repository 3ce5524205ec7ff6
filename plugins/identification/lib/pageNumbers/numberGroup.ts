import { median } from '../fields/cellRow/row'
import type { Stroke } from '../fields/handwriting'

/** A group no wider than this share of the page is a number ("12/12" at most), wider is a line of text. */
const MAX_WIDTH = 0.16
/** …with no other writing on its line within this share of the page width either side. */
const CLEAR = 0.08
/** Strokes closer than this many letter heights are one group. */
const JOIN = 1.2

type Group = { x0: number; y0: number; x1: number; y1: number; strokes: Stroke[] }

const overlapY = (a: { y0: number; y1: number }, b: { y0: number; y1: number }) => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)

/**
 * The writing of a freely written page number in a page's foot: pieces of writing near each other make
 * groups; a number is a short group alone on its line ("2/4" in a corner, not the last words of an answer
 * that runs to the foot). The lowest such group, the rightmost of a line, is the number; none when the
 * foot holds only text or nothing. Whether it reads as a number is the recogniser's to say.
 */
export const numberGroup = ({ strokes, width }: { strokes: Stroke[]; width: number }): Stroke[] | undefined => {
  if (strokes.length === 0) return undefined
  const letter = Math.max(4, median(strokes.map((s) => s.y1 - s.y0)))
  const groups: Group[] = []
  for (const s of [...strokes].sort((a, b) => a.x0 - b.x0)) {
    const near = groups.find((g) => overlapY(g, s) > 0.3 * Math.min(g.y1 - g.y0, s.y1 - s.y0) && s.x0 - g.x1 < JOIN * letter)
    if (near) {
      near.strokes.push(s)
      near.x1 = Math.max(near.x1, s.x1)
      near.y0 = Math.min(near.y0, s.y0)
      near.y1 = Math.max(near.y1, s.y1)
    } else groups.push({ x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1, strokes: [s] })
  }
  const alone = groups.filter(
    (g) =>
      g.strokes.length >= 2 &&
      g.x1 - g.x0 <= MAX_WIDTH * width &&
      !groups.some((o) => o !== g && overlapY(o, g) > 0 && Math.max(o.x0 - g.x1, g.x0 - o.x1) < CLEAR * width),
  )
  alone.sort((a, b) => b.y1 - a.y1 || b.x1 - a.x1)
  return alone[0]?.strokes
}
