import { rgb } from 'pdf-lib'

import { colorOf } from '../color'
import { printable, wrapText } from '../text'
import type { TextShape } from '../types'
import { baselineOffset, type DrawContext } from './context'

const LINE_HEIGHT = 1.25

/** Text and comment boxes: wrapped at `width`, 1.25 line height; a comment sits on the portal's yellow note. */
export const drawTextBox = ({ ctx, shape }: { ctx: DrawContext; shape: TextShape }): void => {
  const { fontSize, width, x, y } = shape.geometry
  const font = ctx.fonts.regular
  const lines = wrapText({ text: printable({ text: shape.text, font }), font, size: fontSize, width: Math.max(width, fontSize) })
  const lineHeight = fontSize * LINE_HEIGHT
  const boxHeight = Math.max(1, lines.length) * lineHeight
  if (shape.kind === 'comment') {
    ctx.page.drawRectangle({
      x: x - 3,
      y: ctx.height - (y - 3) - (boxHeight + 6),
      width: width + 6,
      height: boxHeight + 6,
      color: rgb(0xff / 255, 0xf8 / 255, 0xc4 / 255),
      borderColor: rgb(0xc9 / 255, 0xb8 / 255, 0x4f / 255),
      borderWidth: 0.6,
    })
  }
  const color = colorOf(shape.style.color)
  lines.forEach((line, i) => {
    if (!line) return
    const baseline = y + (i + 0.5) * lineHeight + baselineOffset(fontSize)
    ctx.page.drawText(line, { x, y: ctx.height - baseline, size: fontSize, font, color })
  })
}
