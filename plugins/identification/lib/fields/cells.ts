import { findCellWalls, stripsBetweenRules } from '../ocr/cellWalls'
import type { BlankForm } from './form'
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
      const x0 = Math.min(mask.width, Math.round(label.x1))
      const width = mask.width - x0
      const height = y1 - y0
      if (width < 40 || height < 8) return false
      const ink = new Uint8Array(width * height)
      for (let y = 0; y < height; y++) ink.set(mask.data.subarray((y0 + y) * mask.width + x0, (y0 + y + 1) * mask.width), y * width)
      // The band's rows of cells one by one (see stripsBetweenRules), and the band whole as before.
      const strips = [{ y0: 0, y1: height }, ...stripsBetweenRules({ ink, width, height })]
      return strips.some(({ y0: top, y1: bottom }) => findCellWalls({ ink: ink.subarray(top * width, bottom * width), width, height: bottom - top }).length > 0)
    })
}
