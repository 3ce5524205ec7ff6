import { findCellGrid, type CellGrid, type Wall } from '../../ocr/cellWalls'
import type { GrayCrop } from '../../header/types'
import type { Stroke } from '../handwriting'
import { inkOf } from '../page'

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/** A part of the page, in page pixels; its pixels row by row. */
export type Band = { x0: number; y0: number; width: number; height: number }

/** The row of cells a field's writing sits in, cut out of the page with a margin of a letter's height. */
export type CellRow = {
  band: Band
  letterHeight: number
  gray: Uint8Array
  ink: Uint8Array
  grid: CellGrid
  /** the walls of this row only (the sheet's next row may fall inside the band), left to right */
  walls: Wall[]
  /** the row's top rule and the row below its bottom rule, in band pixels */
  top: number
  bottom: number
}

export const cut = (source: { raw?: Uint8Array; data?: Uint8Array; width: number }, band: Band): Uint8Array => {
  const pixels = (source.raw ?? source.data)!
  const out = new Uint8Array(band.width * band.height)
  for (let y = 0; y < band.height; y++) out.set(pixels.subarray((band.y0 + y) * source.width + band.x0, (band.y0 + y) * source.width + band.x0 + band.width), y * band.width)
  return out
}

/**
 * How far above and below the writing found a row's rules are looked for when a letter's height around it held
 * none: at the 150 dpi first pages are read at, an official sheet's cell is 33 px tall.
 */
const LIGHT_HAND_REACH = 24
const LIGHT_HAND_LETTERS = 2.5

/**
 * Undefined when no grid of cells runs under the writing. A light pen leaves only the darkest bits of its strokes
 * once the form is taken away, a few pixels tall: a letter's height around them holds neither of the row's rules,
 * so the row is looked for again further out (its letters are then read on the page's own pixels, see rowWriting).
 */
export const findCellRow = ({ page, strokes }: { page: GrayCrop; strokes: Stroke[] }): CellRow | undefined => {
  const letterHeight = median(strokes.map((s) => s.y1 - s.y0))
  return rowAround({ page, strokes, letterHeight, reach: letterHeight }) ?? rowAround({ page, strokes, letterHeight, reach: Math.max(LIGHT_HAND_REACH, LIGHT_HAND_LETTERS * letterHeight) })
}

const rowAround = ({ page, strokes, letterHeight, reach }: { page: GrayCrop; strokes: Stroke[]; letterHeight: number; reach: number }): CellRow | undefined => {
  // Wide enough for a whole cell beyond the writing found: a letter the learned form's ghost took from the
  // strokes (the first of a name) is still in its cell, and the crop must reach that cell's far wall.
  const x0 = Math.max(0, Math.min(...strokes.map((s) => s.x0)) - 4 * letterHeight)
  const x1 = Math.min(page.width, Math.max(...strokes.map((s) => s.x1)) + 4 * letterHeight)
  const y0 = Math.max(0, Math.round(Math.min(...strokes.map((s) => s.y0)) - reach))
  const y1 = Math.min(page.height, Math.round(Math.max(...strokes.map((s) => s.y1)) + reach))
  const band = { x0, y0, width: x1 - x0, height: y1 - y0 }
  if (band.width < 40 || band.height < 8) return undefined
  const gray = cut(page, band)
  const ink = inkOf({ raw: gray, width: band.width, height: band.height })
  const grid = findCellGrid({ ink, width: band.width, height: band.height })
  if (!grid) return undefined
  const middle = median(strokes.map((s) => (s.y0 + s.y1) / 2)) - band.y0
  const across = (w: Wall) => grid.runs[w.x0]!.filter((r) => r.start <= middle && middle < r.end)
  const walls = grid.walls.filter((w) => across(w).length > 0)
  if (walls.length < 3) return undefined
  const spans = walls.flatMap(across)
  return { band, letterHeight, gray, ink, grid, walls, top: median(spans.map((r) => r.start)), bottom: median(spans.map((r) => r.end)) }
}
