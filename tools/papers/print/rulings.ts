import { rgb } from 'pdf-lib'
import { A4, MM } from '../geometry.js'
import type { Printer } from './printer.js'

/** Where handwriting may go on a ruled area: baselines (top-left y) between left and right. */
export type WritingLines = { left: number; right: number; baselines: number[] }

const SEYES_FINE = rgb(0.72, 0.7, 0.9)
const SEYES_BOLD = rgb(0.55, 0.52, 0.82)
const MARGIN_RED = rgb(0.88, 0.3, 0.35)

/**
 * French "grands carreaux" (Seyès): a bold line every 8 mm with three fine lines between (2 mm), vertical
 * lines every 8 mm, a red margin rule. Students write on the bold lines.
 */
export const drawSeyes = ({ p, top, bottom = A4.height - 10 * MM, margin = 'left' }: { p: Printer; top: number; bottom?: number; margin?: 'left' | 'right' }): WritingLines => {
  const step = 2 * MM
  const square = 8 * MM
  const left = 8 * MM
  const right = A4.width - 6 * MM
  const baselines: number[] = []
  let i = 0
  for (let y = top; y <= bottom; y += step, i++) {
    const bold = i % 4 === 0
    p.line({ x1: left - 2 * MM, y1: y, x2: right, y2: y, thickness: bold ? 0.55 : 0.3, color: bold ? SEYES_BOLD : SEYES_FINE })
    if (bold && i > 0) baselines.push(y)
  }
  for (let x = left; x <= right; x += square) p.line({ x1: x, y1: top, x2: x, y2: top + Math.floor((bottom - top) / step) * step, thickness: 0.3, color: SEYES_FINE })
  const mx = margin === 'left' ? left + 3 * square : right - 2 * square
  p.line({ x1: mx, y1: 6 * MM, x2: mx, y2: A4.height - 4 * MM, thickness: 0.9, color: MARGIN_RED })
  return margin === 'left' ? { left: mx + 2 * MM, right: right - 2 * MM, baselines } : { left: left + 2 * MM, right: mx - 2 * MM, baselines }
}

/** Plain blue ruled lines with a red margin (a "feuille simple" or the old framed paper). */
export const drawLined = ({ p, top, bottom = A4.height - 30, step = 22, marginX = 70 }: { p: Printer; top: number; bottom?: number; step?: number; marginX?: number }): WritingLines => {
  const baselines: number[] = []
  for (let y = top; y <= bottom; y += step) {
    p.line({ x1: 14, y1: y, x2: A4.width - 14, y2: y, thickness: 0.7, color: rgb(0.62, 0.74, 0.93) })
    baselines.push(y)
  }
  p.line({ x1: marginX, y1: top - 16, x2: marginX, y2: A4.height - 20, thickness: 1.2, color: MARGIN_RED })
  return { left: marginX + 8, right: A4.width - 30, baselines }
}

/** Printed answer lines of a subject: dotted (most teachers) or thin grey rules. */
export const drawAnswerLines = ({
  p,
  top,
  count,
  left = 50,
  right = A4.width - 50,
  step = 24,
  style = 'dotted',
}: {
  p: Printer
  top: number
  count: number
  left?: number
  right?: number
  step?: number
  style?: 'dotted' | 'rule'
}): WritingLines => {
  const baselines: number[] = []
  for (let i = 0; i < count; i++) {
    const y = top + (i + 1) * step
    p.line({ x1: left, y1: y, x2: right, y2: y, thickness: style === 'dotted' ? 0.6 : 0.4, color: rgb(0.35, 0.35, 0.35), dash: style === 'dotted' ? [0.8, 2.2] : undefined })
    baselines.push(y)
  }
  return { left: left + 4, right: right - 4, baselines }
}

/** Thin grey lines with a margin, as inside the official exam sheet. */
export const drawExamRules = ({ p, top, bottom, step = 8 * MM }: { p: Printer; top: number; bottom: number; step?: number }): WritingLines => {
  const baselines: number[] = []
  const left = 15 * MM
  const right = A4.width - 12 * MM
  for (let y = top + step; y <= bottom; y += step) {
    p.line({ x1: left, y1: y, x2: right, y2: y, thickness: 0.35, color: rgb(0.6, 0.6, 0.6) })
    baselines.push(y)
  }
  p.line({ x1: left + 20 * MM, y1: top, x2: left + 20 * MM, y2: bottom, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) })
  return { left: left + 22 * MM, right: right - 4, baselines }
}
