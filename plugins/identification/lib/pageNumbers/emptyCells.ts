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
  const ink = inkOf(image)
  const region = new Int32Array(width * height).fill(-1)
  const mm = image.dpi / 25.4
  const [min, max] = [CELL_MIN_MM * mm, CELL_MAX_MM * mm]
  const raw = image.raw.slice()
  const stack: number[] = []
  let next = 0
  for (let start = 0; start < ink.length; start++) {
    if (ink[start] || region[start] !== -1) continue
    // one region of paper (4-connected), its box and whether it reaches the image's edge
    let [x0, y0, x1, y1, area, open] = [width, height, -1, -1, 0, false]
    region[start] = next
    stack.push(start)
    while (stack.length) {
      const i = stack.pop()!
      const x = i % width
      const y = (i - x) / width
      area++
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) open = true
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1])
        if (j >= 0 && !ink[j] && region[j] === -1) {
          region[j] = next
          stack.push(j)
        }
    }
    next++
    const [w, h] = [x1 - x0 + 1, y1 - y0 + 1]
    if (open || w < min || h < min || w > max || h > max || area < CELL_FILL * w * h) continue
    // paper inside, a pixel within the box's edge: a cell's walls, a little skewed, may touch it
    for (let y = y0 + 1; y < y1; y++) raw.fill(255, y * width + x0 + 1, y * width + x1)
  }
  return { ...image, raw }
}
