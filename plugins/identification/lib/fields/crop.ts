import { dilate, type Mask } from '../../../scan-pipeline/lib/template/mask'
import type { GrayCrop } from '../header/types'
import { cellRowCrop } from './cellRow/index'
import { median } from './cellRow/row'
import type { Stroke } from './handwriting'

const PAD = 6

type Column = { x0: number; x1: number; strokes: Stroke[] }

/** Strokes that overlap horizontally make one letter (a dot, an accent, a broken loop). */
const columnsOf = (strokes: Stroke[]): Column[] => {
  const sorted = [...strokes].sort((a, b) => a.x0 - b.x0)
  const columns: Column[] = []
  for (const s of sorted) {
    const last = columns[columns.length - 1]
    if (last && s.x0 < last.x1 - 1) {
      last.x1 = Math.max(last.x1, s.x1)
      last.strokes.push(s)
    } else columns.push({ x0: s.x0, x1: s.x1, strokes: [s] })
  }
  return columns
}

/**
 * The handwriting of one field alone on white paper: only the page's pixels that are writing (and a
 * pixel around them) are kept, so labels, rules and cell borders never reach the OCR. Letters written
 * one per printed cell are brought together as if written as a word (cut on the page's own grid when one
 * is printed there, else by the gaps between them).
 */
export const fieldCrop = ({ page, writing, strokes, learnedForm }: { page: GrayCrop; writing: Mask; strokes: Stroke[]; learnedForm?: boolean }): (GrayCrop & { printFree?: boolean }) | undefined => {
  if (strokes.length === 0) return undefined
  const cells = cellRowCrop({ page, writing, strokes, learnedForm })
  if (cells) return cells
  const keep = dilate(writing, 1)
  const y0 = Math.max(0, Math.min(...strokes.map((s) => s.y0)) - PAD)
  const y1 = Math.min(page.height, Math.max(...strokes.map((s) => s.y1)) + PAD)
  const columns = columnsOf(strokes)
  const letterHeight = median(strokes.map((s) => s.y1 - s.y0))
  const gaps = columns.slice(1).map((c, i) => c.x0 - columns[i]!.x1)
  const spaced = columns.length >= 3 && median(gaps) > 0.8 * letterHeight
  // Ordinary writing is read on the page's own pixels around it (the OCR cleaning knows rules and
  // dotted lines, and no letter loses the part that touched the print); letters one per cell are cut
  // out of their grid and brought together.
  if (!spaced) {
    // paper around the writing: the OCR cleaning measures the paper on the crop itself
    const x0 = Math.max(0, columns[0]!.x0 - Math.round(letterHeight * 1.2))
    const x1 = Math.min(page.width, Math.max(...columns.map((c) => c.x1)) + Math.round(letterHeight * 1.2))
    const gy0 = Math.max(0, y0 - Math.round(letterHeight * 0.7))
    const gy1 = Math.min(page.height, y1 + Math.round(letterHeight * 0.7))
    const w = Math.max(1, x1 - x0)
    const raw = new Uint8Array(w * (gy1 - gy0))
    for (let y = gy0; y < gy1; y++) raw.set(page.raw.subarray(y * page.width + x0, y * page.width + x1), (y - gy0) * w)
    return { raw, width: w, height: gy1 - gy0 }
  }
  // Placement of each column in the output: as on the page, or packed at a handwriting-like gap.
  const gap = Math.round(0.3 * letterHeight)
  let cursor = PAD
  const placed = columns.map((c) => {
    const x = spaced ? cursor : c.x0 - columns[0]!.x0 + PAD
    cursor += c.x1 - c.x0 + gap
    return { column: c, x }
  })
  const width = Math.max(1, spaced ? cursor - gap + PAD : columns[columns.length - 1]!.x1 - columns[0]!.x0 + 2 * PAD)
  const height = Math.max(1, y1 - y0)
  const raw = new Uint8Array(width * height).fill(255)
  for (const { column, x } of placed) {
    for (let y = y0; y < y1; y++) {
      for (let px = column.x0; px < column.x1; px++) {
        const i = y * page.width + px
        if (!keep.data[i]) continue
        const ox = x + (px - column.x0)
        if (ox >= 0 && ox < width) raw[(y - y0) * width + ox] = page.raw[i]!
      }
    }
  }
  return { raw, width, height }
}
