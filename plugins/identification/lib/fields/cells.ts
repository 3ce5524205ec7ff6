import type { Mask } from '../../../scan-pipeline/lib/template/mask'
import { findCellGrid, findCellWalls, stripsBetweenRules } from '../ocr/cellWalls'
import type { BlankForm } from './form'
import type { FormLabel } from './phrases'
import { NAME_KINDS } from './labels'

/**
 * Whether the form asks for the name one letter per printed cell (the official exam sheet): a grid of cell
 * walls on the name label's line, right of it. Such a field is read with the form's print taken away; a
 * reader that follows the label to the next box edge stops at the first cell.
 */
export const writesNameInCells = (form: BlankForm): boolean => {
  const { mask } = form
  return form.labels
    .filter((label) => NAME_KINDS.has(label.kind))
    .some((label) => {
      const h = Math.max(4, label.y1 - label.y0)
      const y0 = Math.max(0, Math.round(label.y0 - 2 * h))
      const y1 = Math.min(mask.height, Math.round(label.y1 + 2 * h))
      const { ink, width, height } = bandOf({ mask, x0: Math.min(mask.width, Math.round(label.x1)), y0, y1 })
      if (width < 40 || height < 8) return false
      // The band's rows of cells one by one (see stripsBetweenRules), and the band whole as before.
      const strips = [{ y0: 0, y1: height }, ...stripsBetweenRules({ ink, width, height })]
      return strips.some(({ y0: top, y1: bottom }) => findCellWalls({ ink: ink.subarray(top * width, bottom * width), width, height: bottom - top }).length > 0)
    })
}

/**
 * A name label ended where a row of letter cells on its line begins. OCR may read the first cells as more of the
 * label ("NOM DE FAMILLE (ClAJUIT" on the official sheet drawn with --seed 7): the label then reached over the
 * first letters written, which were cut off the name ("RAHIM" for IBRAHIM), and the row under it was taken for
 * its line. Other labels, and name labels with no cells inside them, are left as they are.
 */
export const endAtCells = ({ label, mask }: { label: FormLabel; mask: Mask }): FormLabel => {
  if (!NAME_KINDS.has(label.kind)) return label
  const h = Math.max(4, label.y1 - label.y0)
  const x0 = Math.min(mask.width, Math.max(0, Math.round(label.x0)))
  const y0 = Math.max(0, Math.round(label.y0 - h))
  const y1 = Math.min(mask.height, Math.round(label.y1 + h))
  const { ink, width, height } = bandOf({ mask, x0, y0, y1 })
  if (width < 40 || height < 8) return label
  let end = label.x1
  for (const strip of stripsBetweenRules({ ink, width, height })) {
    // a row of cells on the label's own line: its middle within the label's height
    const middle = y0 + (strip.y0 + strip.y1) / 2
    if (middle < label.y0 || middle > label.y1) continue
    const grid = findCellGrid({ ink: ink.subarray(strip.y0 * width, strip.y1 * width), width, height: strip.y1 - strip.y0 })
    const first = grid ? x0 + grid.walls[0]!.x0 : Infinity
    // the label keeps at least its first letters: a grid that starts at its left edge is not after it
    if (first > label.x0 + h && first < end) end = first - 1
  }
  return end < label.x1 ? { ...label, x1: end } : label
}

/** The mask's rows y0 to y1, from column x0 to its right edge: where a label's cells would be. */
const bandOf = ({ mask, x0, y0, y1 }: { mask: Mask; x0: number; y0: number; y1: number }) => {
  const width = mask.width - x0
  const height = y1 - y0
  const ink = new Uint8Array(Math.max(0, width * height))
  for (let y = 0; y < height; y++) ink.set(mask.data.subarray((y0 + y) * mask.width + x0, (y0 + y + 1) * mask.width), y * width)
  return { ink, width, height }
}
