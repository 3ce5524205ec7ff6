import { LineCapStyle } from 'pdf-lib'

import { colorOf } from '../color'
import { ellipsize, printable } from '../text'
import type { MarkShape } from '../types'
import { baselineOffset, type DrawContext } from './context'

const f = (n: number): string => (Math.round(n * 100) / 100).toString()

/** Glyph outlines in the portal's proportions (portal/src/canvas/ShapeNode.tsx), as strokes, so they print crisp at any zoom. */
const glyphPath = ({ kind, x, y, s }: { kind: 'tick' | 'cross' | 'question'; x: number; y: number; s: number }): string => {
  if (kind === 'tick') return `M${f(x - 0.42 * s)},${f(y)} L${f(x - 0.1 * s)},${f(y + 0.32 * s)} L${f(x + 0.45 * s)},${f(y - 0.38 * s)}`
  if (kind === 'cross') {
    const d = 0.38 * s
    return `M${f(x - d)},${f(y - d)} L${f(x + d)},${f(y + d)} M${f(x + d)},${f(y - d)} L${f(x - d)},${f(y + d)}`
  }
  // A bold "?": a hook over the top, down to the centre line; the dot is drawn apart.
  return (
    `M${f(x - 0.2 * s)},${f(y - 0.2 * s)} C${f(x - 0.2 * s)},${f(y - 0.45 * s)} ${f(x + 0.22 * s)},${f(y - 0.45 * s)} ${f(x + 0.22 * s)},${f(y - 0.2 * s)}` +
    ` C${f(x + 0.22 * s)},${f(y - 0.02 * s)} ${f(x)},${f(y - 0.04 * s)} ${f(x)},${f(y + 0.12 * s)}`
  )
}

export const drawMark = ({ ctx, shape }: { ctx: DrawContext; shape: MarkShape }): void => {
  const { size: s, x, y } = shape.geometry
  const color = colorOf(shape.style.color)
  if (shape.kind === 'stamp') {
    drawStamp({ ctx, shape })
    return
  }
  ctx.page.drawSvgPath(glyphPath({ kind: shape.kind, x, y, s }), {
    x: 0,
    y: ctx.height,
    borderColor: color,
    borderWidth: s / 8,
    borderLineCap: LineCapStyle.Round,
  })
  if (shape.kind === 'question') ctx.page.drawCircle({ x, y: ctx.height - (y + 0.3 * s), size: s / 12, color })
}

const drawStamp = ({ ctx, shape }: { ctx: DrawContext; shape: MarkShape }): void => {
  const { size: s, x, y } = shape.geometry
  const color = colorOf(shape.style.color)
  const left = x - s / 2
  const top = y - s / 4
  const r = s / 12
  const w = s
  const h = s / 2
  const rounded =
    `M${f(left + r)},${f(top)} H${f(left + w - r)} Q${f(left + w)},${f(top)} ${f(left + w)},${f(top + r)} V${f(top + h - r)}` +
    ` Q${f(left + w)},${f(top + h)} ${f(left + w - r)},${f(top + h)} H${f(left + r)} Q${f(left)},${f(top + h)} ${f(left)},${f(top + h - r)}` +
    ` V${f(top + r)} Q${f(left)},${f(top)} ${f(left + r)},${f(top)} Z`
  ctx.page.drawSvgPath(rounded, { x: 0, y: ctx.height, borderColor: color, borderWidth: Math.max(1, s / 30) })
  const font = ctx.fonts.bold
  const text = printable({ text: shape.text.replace(/\s+/g, ' ').trim(), font })
  // DejaVu runs wider than the portal's Helvetica: shrink a little before cutting with an ellipsis.
  const size = Math.max(0.75 * (s / 5), Math.min(s / 5, (s / 5) * ((w - 4) / Math.max(1, font.widthOfTextAtSize(text, s / 5)))))
  const label = ellipsize({ text, font, size, width: w - 4 })
  if (!label) return
  const textWidth = font.widthOfTextAtSize(label, size)
  ctx.page.drawText(label, { x: left + (w - textWidth) / 2, y: ctx.height - (y + baselineOffset(size)), size, font, color })
}
