import { endAtCells } from '../../../plugins/identification/lib/fields/cells'
import { writesNameInCells } from '../../../plugins/identification/lib/fields/index'
import type { BlankForm } from '../../../plugins/identification/lib/fields/form'
import type { FormLabel } from '../../../plugins/identification/lib/fields/phrases'

// Issue 11: the official sheet drawn with --seed 7 had its NOM DE FAMILLE label read over two lines ("NOM DE
// FAMILLE (en majuscules)"), so the band looked at around it held the NOM, PRÉNOM and candidate-number rows
// together. Their walls at different pitches made no regular grid: the form was taken for one without letter
// cells and the framed box's reader read "DE FAMILLE" as the name (12 of 51 pieces named; 31 since).
const WIDTH = 1200
const HEIGHT = 400

type Rect = [x: number, y: number, w: number, h: number]

/** A row of letter cells: its two rules and a wall every `pitch` pixels. */
const cellRow = ({ x, y, height, pitch, cells }: { x: number; y: number; height: number; pitch: number; cells: number }): Rect[] => [
  [x, y, pitch * cells + 2, 2],
  [x, y + height, pitch * cells + 2, 2],
  ...Array.from({ length: cells + 1 }, (_, k): Rect => [x + pitch * k, y, 2, height + 2]),
]

const formWith = ({ rects, label }: { rects: Rect[]; label: FormLabel }): BlankForm => {
  const data = new Uint8Array(WIDTH * HEIGHT)
  for (const [x0, y0, w, h] of rects) for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) data[y * WIDTH + x] = 1
  const image = { raw: new Uint8Array(WIDTH * HEIGHT).fill(255), width: WIDTH, height: HEIGHT, widthPt: 595, heightPt: 198, dpi: 150 }
  return { image, mask: { width: WIDTH, height: HEIGHT, data }, labels: [label], source: 'learned' }
}

/** The label read over two lines: as tall as two rows of cells. */
const tallLabel: FormLabel = { kind: 'lastName', text: 'NOM DE FAMILLE (en majuscules)', x0: 50, y0: 60, x1: 300, y1: 112 }

describe('letter cells next to a name label read over two lines', () => {
  it('are found in their own row, whatever the pitch of the rows around it', () => {
    const rows = [
      ...cellRow({ x: 350, y: 60, height: 40, pitch: 30, cells: 26 }),
      ...cellRow({ x: 363, y: 120, height: 40, pitch: 30, cells: 25 }),
      ...cellRow({ x: 350, y: 180, height: 26, pitch: 38, cells: 9 }),
    ]
    expect(writesNameInCells(formWith({ rects: rows, label: tallLabel }))).toBe(true)
  })

  it('are not made up of a few boxes in a row, nor of ruled lines', () => {
    const boxes: Rect[] = [[350, 60, 400, 2], [350, 100, 400, 2], [350, 60, 2, 42], [420, 60, 2, 42], [600, 60, 2, 42], [748, 60, 2, 42]]
    const lines: Rect[] = [0, 1, 2, 3].map((k): Rect => [320, 130 + 30 * k, 860, 2])
    expect(writesNameInCells(formWith({ rects: [...boxes, ...lines], label: tallLabel }))).toBe(false)
  })
})

// The same label read with the first cells as more of it ("NOM DE FAMILLE (ClAJUIT"): it reached over the first
// letters written, cut off the name ("RAHIM" for IBRAHIM), and the row under it was taken for its line. Ended at
// the cells, official-a4 --seed 7 named 31 -> 45 of 51 pieces and official-a3 --seed 7 25 -> 35 of 36, none wrongly.
describe('a name label that OCR read into the cells after it', () => {
  const rows = [...cellRow({ x: 350, y: 60, height: 40, pitch: 30, cells: 26 }), ...cellRow({ x: 350, y: 120, height: 40, pitch: 30, cells: 25 })]
  const intoCells: FormLabel = { kind: 'lastName', text: 'NOM DE FAMILLE (ClAJUIT', x0: 50, y0: 55, x1: 462, y1: 112 }

  it('ends where the row of cells on its line begins', () => {
    const { mask } = formWith({ rects: rows, label: intoCells })
    expect(endAtCells({ label: intoCells, mask }).x1).toBe(349)
  })

  it('is left as it is when no cells are inside it, and so is a label of another kind', () => {
    const { mask } = formWith({ rects: rows, label: intoCells })
    const before: FormLabel = { ...intoCells, x1: 300 }
    expect(endAtCells({ label: before, mask })).toEqual(before)
    const session: FormLabel = { ...intoCells, kind: 'other', text: 'Session (ClAJUIT' }
    expect(endAtCells({ label: session, mask })).toEqual(session)
    const plain = formWith({ rects: [[350, 60, 800, 2], [350, 100, 800, 2]], label: intoCells }).mask
    expect(endAtCells({ label: intoCells, mask: plain })).toEqual(intoCells)
  })
})
