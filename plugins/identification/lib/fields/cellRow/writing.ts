import type { Mask } from '../../../../scan-pipeline/lib/template/mask'
import { paperLevel } from '../page'
import { cut, type CellRow } from './row'

/** Pixels kept clear of a rule: the print's blur and what a slight skew leaves of it. */
export const MARGIN = 2
/** Walls are found column by column, exactly: one pixel of blur each side (a letter's stem beside it stays). */
const WALL_MARGIN = 1
/** Hairlines (a calligraphic hand's upstrokes) are lighter than ink: kept where they join a darker stroke. */
const HAIRLINE = 0.9

/**
 * The row's writing: inside the row, the page's ink (down to hairlines) less its walls and rules; above and
 * below it (a tall letter's overflow), only what differs from the blank form. `cleared`: the walls' and rules'
 * pixels, never writing.
 */
export type RowWriting = { letters: Uint8Array; cleared: Uint8Array; written: Uint8Array; inRow: (y: number) => boolean }

export const rowWriting = ({ row, writing }: { row: CellRow; writing: Mask }): RowWriting => {
  const { band, gray, grid, walls, top, bottom } = row
  const { width, height } = band
  const left = walls[0]!.x0
  const right = walls[walls.length - 1]!.x1
  const written = cut(writing, band)
  const letters = new Uint8Array(width * height)
  const cleared = new Uint8Array(width * height)
  const inRow = (y: number) => y > top + MARGIN && y < bottom - 1 - MARGIN
  const onWall = new Uint8Array(width)
  for (const w of walls) for (let x = Math.max(0, w.x0 - WALL_MARGIN); x <= Math.min(width - 1, w.x1 + WALL_MARGIN); x++) onWall[x] = 1
  // The rules' own rows (found as long runs) and a row of blur each side: a letter's top drawn just under
  // the rule keeps its pixels. A rule too faint to be found whole is cleared over the margin.
  const onRule = new Uint8Array(height)
  for (const rule of [top, bottom - 1]) {
    const rows: number[] = []
    for (let y = Math.max(0, rule - MARGIN - 1); y <= Math.min(height - 1, rule + MARGIN + 1); y++) if (grid.ruled[y]) rows.push(y)
    if (rows.length === 0) for (let y = Math.max(0, rule - MARGIN); y <= Math.min(height - 1, rule + MARGIN); y++) onRule[y] = 1
    for (const y of rows) for (let k = Math.max(0, y - 1); k <= Math.min(height - 1, y + 1); k++) onRule[k] = 1
  }
  const faint = paperLevel({ raw: gray, width, height }) * HAIRLINE
  for (let y = 0; y < height; y++)
    for (let x = left; x <= right; x++) {
      const i = y * width + x
      if ((onWall[x] && y >= top - MARGIN && y <= bottom + MARGIN) || onRule[y]) cleared[i] = 1
      else letters[i] = inRow(y) ? (gray[i]! < faint ? 1 : 0) : written[i]!
    }
  const restore = (i: number) => {
    if (gray[i]! >= faint) return
    letters[i] = 1
    cleared[i] = 0
  }
  // A stroke that crosses a wall (a letter wider than its cell) is joined again across it: ink on both sides.
  const letterAt = (x: number, y: number) => x >= left && x <= right && letters[y * width + x] === 1
  for (const w of walls) {
    const a = Math.max(left, w.x0 - WALL_MARGIN)
    const b = Math.min(right, w.x1 + WALL_MARGIN)
    for (let y = 0; y < height; y++) {
      if (!inRow(y) || !(letterAt(a - 1, y) || letterAt(a - 2, y)) || !(letterAt(b + 1, y) || letterAt(b + 2, y))) continue
      for (let x = a; x <= b; x++) restore(y * width + x)
    }
  }
  // Likewise a letter reaching past the row's top or bottom rule (a tall capital, a descender).
  const writingAt = (x: number, y: number) => x >= left && x <= right && (letters[y * width + x] === 1 || written[y * width + x] === 1)
  const near = (x: number, y: number) => writingAt(x - 1, y) || writingAt(x, y) || writingAt(x + 1, y)
  for (const rule of [top, bottom - 1]) {
    const above = rule - MARGIN - 1
    const below = rule + MARGIN + 1
    if (above < 0 || below >= height) continue
    for (let x = left; x <= right; x++) {
      if (onWall[x] || !near(x, above) || !near(x, below)) continue
      for (let y = above + 1; y < below; y++) restore(y * width + x)
    }
  }
  return { letters, cleared, written, inRow }
}
