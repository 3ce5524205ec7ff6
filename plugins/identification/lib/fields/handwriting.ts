import { dilate, type Mask } from '../../../scan-pipeline/lib/template/mask'
import { affineOf, alignForm, type FormTransform } from './align'
import type { BlankForm } from './form'
import { inkOf, type PageImage } from './page'

/** A connected piece of handwriting (a letter, a word), in page pixels. */
export type Stroke = { x0: number; y0: number; x1: number; y1: number; pixels: number }

/** The smallest piece kept: scanner grain and print edges left by the subtraction are smaller. */
const MIN_PIXELS = 10

/**
 * What the student wrote on a first page: its ink minus the blank form's print (grown a little, so
 * that print slightly off the alignment does not come back as writing).
 */
export const handwritingOf = ({ page, form, grow = 2, align }: { page: PageImage; form?: BlankForm; grow?: number; align?: (o: { ink: Mask }) => FormTransform }): { mask: Mask; transform?: FormTransform } => {
  const ink: Mask = { width: page.width, height: page.height, data: inkOf(page) }
  if (!form) return { mask: ink }
  const transform = align ? align({ ink }) : alignForm({ form: form.mask, page: ink })
  const printed = printedAt({ print: dilate(form.mask, grow), transform, page })
  const data = new Uint8Array(ink.data.length)
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const i = y * page.width + x
      if (ink.data[i] && !printed(x, y)) data[i] = 1
    }
  }
  return { mask: { width: page.width, height: page.height, data }, transform }
}

/**
 * Whether a page pixel falls on a form's print (`print`, in form pixels, grown as the caller needs) placed
 * on the page by `transform`: the inverse of the form → page map, each page pixel looked up in the form.
 */
export const printedAt = ({ print, transform, page }: { print: Mask; transform: FormTransform; page: { width: number; height: number } }): ((x: number, y: number) => boolean) => {
  const m = affineOf({ t: transform, form: print, page })
  const det = m.a * m.d - m.b * m.c
  return (x, y) => {
    const u = x - m.e
    const v = y - m.f
    const fx = Math.round((m.d * u - m.b * v) / det)
    const fy = Math.round((-m.c * u + m.a * v) / det)
    return fx >= 0 && fy >= 0 && fx < print.width && fy < print.height && print.data[fy * print.width + fx] !== 0
  }
}

/**
 * Connected pieces of a mask (8-neighbours), each pixel labelled with its piece's index (-1: no ink).
 * `neighbours: 4` for paper: the regions between 8-connected strokes, which a diagonal step of a wall keeps shut.
 */
export const labelPieces = (mask: Mask, { neighbours = 8 }: { neighbours?: 4 | 8 } = {}): { label: Int32Array; pieces: Stroke[] } => {
  const { width, height, data } = mask
  const label = new Int32Array(width * height).fill(-1)
  const pieces: Stroke[] = []
  const stack: number[] = []
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || label[start] !== -1) continue
    const s: Stroke = { x0: width, y0: height, x1: 0, y1: 0, pixels: 0 }
    label[start] = pieces.length
    stack.push(start)
    while (stack.length) {
      const i = stack.pop()!
      const x = i % width
      const y = (i - x) / width
      s.pixels++
      if (x < s.x0) s.x0 = x
      if (y < s.y0) s.y0 = y
      if (x + 1 > s.x1) s.x1 = x + 1
      if (y + 1 > s.y1) s.y1 = y + 1
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= width || (neighbours === 4 && dx !== 0 && dy !== 0)) continue
          const j = yy * width + xx
          if (data[j] && label[j] === -1) {
            label[j] = pieces.length
            stack.push(j)
          }
        }
      }
    }
    pieces.push(s)
  }
  return { label, pieces }
}

/** Connected pieces of a mask (8-neighbours), smallest dropped; `label` and `pieces` as labelPieces gives them, for callers that need a stroke's pixels. */
export const labelledStrokes = (mask: Mask): ReturnType<typeof labelPieces> & { strokes: Stroke[] } => {
  const labelled = labelPieces(mask)
  return { ...labelled, strokes: labelled.pieces.filter((s) => s.pixels >= MIN_PIXELS) }
}

/** Connected pieces of a mask (8-neighbours), smallest dropped. */
export const strokesOf = (mask: Mask): Stroke[] => labelledStrokes(mask).strokes
