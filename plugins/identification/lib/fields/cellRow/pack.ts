import type { GrayCrop } from '../../header/types'
import { median, type CellRow } from './row'
import type { RowPieces, Slot } from './slots'
import { MARGIN, type RowWriting } from './writing'

const PAD = 6
/** Paper grain stays within this many grey levels of the paper around it. */
const PAPER_NOISE = 10

type Placed = { pieces: number[]; x0: number; x1: number; at: number }

/**
 * The cells holding a letter side by side, at a handwriting-like gap; an empty cell between letters, or a
 * printed separator, is a space. Undefined when fewer than two cells hold a letter (not this field's row).
 */
export const packLetters = ({ row, writing, found }: { row: CellRow; writing: RowWriting; found: RowPieces }): (GrayCrop & { printFree: true }) | undefined => {
  const { band, gray, ink, letterHeight, top, bottom } = row
  const { width, height } = band
  const { cleared, inRow } = writing
  const { label, pieces, slots, isWriting } = found
  const isLetter = (s: Slot) => !s.separator && s.pieces.length > 0
  const first = slots.findIndex(isLetter)
  const last = slots.findLastIndex(isLetter)
  if (first < 0 || slots.slice(first, last + 1).filter(isLetter).length < 2) return undefined
  // an empty cell is a space between words; a cell that only a neighbour's letter reaches into is not
  const holdsInk = (s: Slot) => {
    for (let y = top + MARGIN + 1; y < bottom - 1 - MARGIN; y++)
      for (let x = s.x0; x < s.x1; x++) {
        // labelled pixels are the writing mask's (`letters`): no need to read it too
        const l = label[y * width + x]!
        if (l >= 0 && isWriting(l)) return true
      }
    return false
  }

  const gap = Math.max(2, Math.round(0.3 * letterHeight))
  const space = Math.max(gap + 2, letterHeight)
  const placed: Placed[] = []
  let cursor = PAD
  let pendingSpace = false
  let y0 = height
  let y1 = 0
  for (const slot of slots.slice(first, last + 1)) {
    if (!isLetter(slot)) {
      if (slot.separator || !holdsInk(slot)) pendingSpace = true
      continue
    }
    const own = slot.pieces.map((p) => pieces[p]!)
    const x0 = Math.min(...own.map((p) => p.x0))
    const x1 = Math.max(...own.map((p) => p.x1))
    y0 = Math.min(y0, ...own.map((p) => p.y0))
    y1 = Math.max(y1, ...own.map((p) => p.y1))
    if (placed.length) cursor += pendingSpace ? space : gap
    pendingSpace = false
    placed.push({ pieces: slot.pieces, x0, x1, at: cursor })
    cursor += x1 - x0
  }
  const outWidth = cursor + PAD
  const outHeight = y1 - y0 + 2 * PAD
  const raw = new Uint8Array(outWidth * outHeight).fill(255)
  // Inside the row, the cell's own grey (hairlines too faint to be found as ink keep their pixels); above
  // and below it, only its strokes and their anti-aliased rim (print the form did not take away stays out).
  for (const { pieces: own, x0, x1, at } of placed) {
    const mine = new Set(own)
    const isMine = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && mine.has(label[y * width + x]!)
    const background: number[] = []
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (inRow(y) && label[y * width + x]! < 0 && !cleared[y * width + x]) background.push(gray[y * width + x]!)
    // a cell's tint (some sheets shade their cells) is paper, not a faint stroke
    const tint = median(background) - PAPER_NOISE
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = y * width + x
        if (cleared[i] || (label[i]! >= 0 && !mine.has(label[i]!))) continue
        const rim = !ink[i] && (isMine(x - 1, y) || isMine(x + 1, y) || isMine(x, y - 1) || isMine(x, y + 1))
        if ((inRow(y) && gray[i]! < tint) || isMine(x, y) || rim) raw[(y - y0 + PAD) * outWidth + at + (x - x0)] = gray[i]!
      }
  }
  return { raw, width: outWidth, height: outHeight, printFree: true }
}
