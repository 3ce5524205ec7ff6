import { verticalLines, type Segment } from '../layout/lines'

export type MarginHit = { x: number; side: 'left' | 'right' }

/** School paper has a long vertical margin rule on the left of the writing side. */
export const findMarginLine = ({ mask, width, height, lines: found }: { mask: Uint8Array; width: number; height: number; lines?: Segment[] }): MarginHit | undefined => {
  const edge = Math.round(width * 0.03)
  const minLength = Math.round(height * 0.45)
  const lines = (found ?? verticalLines({ mask, width, height, minLength })).filter((l) => l.end - l.start + 1 >= minLength && l.pos >= edge && l.pos <= width - edge)
  const left = lines.filter((l) => l.pos < width * 0.3)
  const right = lines.filter((l) => l.pos > width * 0.7)
  if (left.length > 0 && right.length === 0) return { x: left[0]!.pos, side: 'left' }
  if (right.length > 0 && left.length === 0) return { x: right[right.length - 1]!.pos, side: 'right' }
  return undefined
}
