import type { Wall } from '../../ocr/cellWalls'
import { labelPieces, type Stroke } from '../handwriting'
import { median, type CellRow } from './row'
import { MARGIN, type RowWriting } from './writing'

/** Smaller pieces are specks, or a wall's blur left between the margins. */
const MIN_PIECE = 8
/** Share of a piece that must differ from the blank form for it to be writing (the rest lies along the print). */
const WRITTEN_SHARE = 0.3

/** A space between two walls: a letter cell, or (much wider) the printed separator between a date's groups. */
export type Slot = { x0: number; x1: number; separator: boolean; pieces: number[] }

export type RowPieces = { label: Int32Array; pieces: Stroke[]; slots: Slot[]; isWriting: (piece: number) => boolean }

const slotsOf = (walls: Wall[]): Slot[] => {
  const cellWidth = median(walls.slice(1).map((w, i) => w.x0 - walls[i]!.x1))
  return walls.slice(1).map((w, i) => ({ x0: walls[i]!.x1 + 1, x1: w.x0, separator: w.x0 - walls[i]!.x1 > 1.5 * cellWidth, pieces: [] }))
}

/**
 * The row's pieces of writing, each given to the cell holding most of it (a letter reaching past its wall stays
 * with its cell). `learnedForm`: the form was learned from the batch's pages, whose print holds a ghost of what
 * many students write in the same cell (the first letters of a name, the "20" of a year); a piece inside a
 * letter cell is then writing whatever the form shows there — only a separator's print is left to the form.
 */
export const piecesInSlots = ({ row, writing, learnedForm = false }: { row: CellRow; writing: RowWriting; learnedForm?: boolean }): RowPieces => {
  const { band, ink, walls, top, bottom } = row
  const { letters, written } = writing
  const { label, pieces } = labelPieces({ width: band.width, height: band.height, data: letters })
  // A piece is writing when the blank form does not print it: most of a letter differs from the form (all of
  // it but what lies along the print); print the grid does not explain — a date's "/" between its groups of
  // cells, a hint letter — is the form's. Faint pieces holding no ink are paper grain.
  const fromWriting = new Uint32Array(pieces.length)
  const holdingInk = new Uint8Array(pieces.length)
  for (let i = 0; i < letters.length; i++) {
    const l = label[i]!
    if (l < 0) continue
    if (written[i]) fromWriting[l]!++
    if (ink[i]) holdingInk[l] = 1
  }
  const slots = slotsOf(walls)
  const overlap = (p: Stroke, s: Slot) => Math.min(p.x1, s.x1) - Math.max(p.x0, s.x0)
  const slotOf = pieces.map((p) => slots.reduce((a, b) => (overlap(p, b) > overlap(p, a) ? b : a)))
  const strong = pieces.map((p, l) => holdingInk[l] === 1 && (fromWriting[l]! >= WRITTEN_SHARE * p.pixels || (learnedForm && !slotOf[l]!.separator)))
  pieces.forEach((p, index) => {
    // a piece that does not reach into the row is print the form did not take away, or a neighbour's writing
    if (p.pixels < MIN_PIECE || p.y1 <= top + MARGIN || p.y0 >= bottom - MARGIN || !strong[index]) return
    const best = slotOf[index]!
    if (overlap(p, best) > 0) best.pieces.push(index)
  })
  return { label, pieces, slots, isWriting: (piece) => strong[piece] === true }
}
