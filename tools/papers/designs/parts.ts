import { rgb } from 'pdf-lib'
import type { Box } from '../geometry.js'
import type { Face, Printer } from '../print/printer.js'
import type { IdentityField, PageNumberSpot, Slot } from './types.js'

/** "Label : ........" — a printed label followed by a dotted (or plain) line to write on. */
export const labelLine = ({
  p,
  field,
  label,
  x,
  y,
  end,
  size = 11,
  face = 'sans',
  dash = [1, 2],
}: {
  p: Printer
  field: IdentityField
  label: string
  x: number
  /** baseline, top-left */
  y: number
  end: number
  size?: number
  face?: Face
  dash?: number[] | null
}): Slot => {
  const w = p.text(label, { x, y, size, face })
  const lineX = x + w + 4
  p.line({ x1: lineX, y1: y + 2, x2: end, y2: y + 2, thickness: 0.5, color: rgb(0.4, 0.4, 0.4), dash: dash ?? undefined })
  return { field, printed: { x: x - 2, y: y - size - 3, width: end - x + 4, height: size + 8 }, write: { kind: 'line', x: lineX + 6, y, width: end - lineX - 8 } }
}

/** A row of printed cells, one per capital letter. */
export const cellRow = ({ p, x, y, count, w = 13, h = 16, gap = 0, fill }: { p: Printer; x: number; y: number; count: number; w?: number; h?: number; gap?: number; fill?: boolean }): Box[] => {
  const cells: Box[] = []
  for (let i = 0; i < count; i++) {
    const cell = { x: x + i * (w + gap), y, width: w, height: h }
    p.rect({ ...cell, border: 0.6, fill: fill ? rgb(1, 1, 1) : undefined })
    cells.push(cell)
  }
  return cells
}

export const boundsOf = (boxes: Box[]): Box => {
  const x = Math.min(...boxes.map((b) => b.x))
  const y = Math.min(...boxes.map((b) => b.y))
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y }
}

/** The usual handwritten page number spot: bottom right, above the edge. */
export const FREE_PAGE_NUMBER: PageNumberSpot = { kind: 'free', x: 500, y: 815 }

/** The printed "page k / N" a teacher's word processor puts at the foot of a subject. */
export const printedFolio = ({ p, page, pages, face = 'sans' }: { p: Printer; page: number; pages: number; face?: Face }) => {
  p.centered(`${page}/${pages}`, { cx: 297.5, y: 828, size: 9, face })
}
