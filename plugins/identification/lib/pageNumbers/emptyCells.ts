import { mapPixels } from '../../../scan-pipeline/lib/raster/mapPixels'
import { labelPieces } from '../fields/handwriting'
import { inkOf, type PageImage } from '../fields/page'

/** A printed cell's inside, in millimetres: room for one written character, far larger than a letter's hole. */
const CELL_MIN_MM = 2.5
const CELL_MAX_MM = 15
/** Share of its bounding box a cell's paper fills (a rectangle, one character written in it). */
const CELL_FILL = 0.5

/**
 * A form learned from filled pages with what was written in its printed cells taken away. Every student writes
 * in the same cells, and much of it alike on every page ("0" before the page number of a short copy, the same
 * total on all of a copy's pages), so that no count of pages tells that writing from print; a cell's inside is
 * never print, whatever paper it is on. A cell is paper shut in by ink on every side, character-sized and about
 * rectangular: letters' holes are far smaller, the space inside a box of labels far larger.
 */
export const emptyCells = (image: PageImage): PageImage => {
  const { width, height } = image
  const paper = { width, height, data: mapPixels(inkOf(image), (v) => 1 - v) }
  const mm = image.dpi / 25.4
  const [min, max] = [CELL_MIN_MM * mm, CELL_MAX_MM * mm]
  const raw = image.raw.slice()
  for (const { x0, y0, x1, y1, pixels } of labelPieces(paper, { neighbours: 4 }).pieces) {
    const [w, h] = [x1 - x0, y1 - y0]
    const open = x0 === 0 || y0 === 0 || x1 === width || y1 === height
    if (open || w < min || h < min || w > max || h > max || pixels < CELL_FILL * w * h) continue
    // paper inside, a pixel within the box's edge: a cell's walls, a little skewed, may touch it
    for (let y = y0 + 1; y < y1 - 1; y++) raw.fill(255, y * width + x0 + 1, y * width + x1 - 1)
  }
  return { ...image, raw }
}
