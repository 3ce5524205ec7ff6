import type { Mask } from '../../../scan-pipeline/lib/template/mask'
import type { FormTransform } from '../fields/align'
import type { labelPieces, Stroke } from '../fields/handwriting'
import type { PageImage } from '../fields/page'
import { withFaintStrokes } from './faintStrokes'

/** Paper kept around a free number's strokes for their faint rim: a hairline's parts the ink mask missed lie this close. */
const PAD = 12
/**
 * A row (column) of the number's box whose faint pixels span this share of it is a rule of the paper the rim reached
 * through the writing (a Seyès line, the margin), not the number.
 */
const RULE_SPAN = 0.4
/**
 * Share of a number's whole strokes the ink mask sees below which the pen is a hairline. The école cursive's numbers:
 * 0.19–0.34 of them (and some up to 0.49); breip's thin but even strokes 0.26–0.51, read better as they came.
 * 0.35 on five copies-doubles classes (copie-double-a4 seeds 0 and 10, -a3 seeds 8, 9, 10): 394 → 416 numbers right,
 * 27 → 23 wrong; at withFaintStrokes' 0.5, 415 and 17, but a thin hand's "3/5" on copie-double-a3-mini lost.
 */
const HAIRLINE = 0.35

/**
 * The ink of a freely written page number, its faint rim included: the strokes of its group (numberGroup) taken
 * whole where the pen is faint (withFaintStrokes, within the group's box only: grown over the whole foot, the rim
 * joined answers' last words to the number and lost numbers already read), less the paper's rules the rim ran along.
 * A light école cursive's "5/8" reached the recogniser as a few dots and read as nothing; whole, it reads.
 */
export const freeNumberInk = ({
  page,
  labelled,
  print,
  transform,
  strokes,
}: {
  page: PageImage
  /** the foot's writing labelled piece by piece (labelPieces), `strokes` among its pieces */
  labelled: ReturnType<typeof labelPieces>
  print: Mask
  transform: FormTransform
  strokes: Stroke[]
}): Uint8Array | undefined => {
  const x0 = Math.max(0, Math.min(...strokes.map((s) => s.x0)) - PAD)
  const y0 = Math.max(0, Math.min(...strokes.map((s) => s.y0)) - PAD)
  const x1 = Math.min(page.width, Math.max(...strokes.map((s) => s.x1)) + PAD)
  const y1 = Math.min(page.height, Math.max(...strokes.map((s) => s.y1)) + PAD)
  // Grown from the group's own strokes: the rule residue beside them (a dotted line's dots) grows no rim.
  const group = new Set(strokes)
  const { label, pieces } = labelled
  const mask = { width: page.width, height: page.height, data: Uint8Array.from(label, (k) => (k >= 0 && group.has(pieces[k]!) ? 1 : 0)) }
  const whole = withFaintStrokes({ page, writing: mask, print, transform, spot: { x0, y0, x1, y1 } })
  if (whole === mask) return undefined
  // withFaintStrokes' own bar (half the strokes' pixels missing) takes thin hands too, whose digits the rim thickens
  // into letter-like shapes; a free number is taken whole only where the ink mask saw a third of it or less.
  const { width } = page
  let seen = 0
  let grown = 0
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      seen += mask.data[y * width + x]!
      grown += whole.data[y * width + x]!
    }
  if (seen >= HAIRLINE * grown) return undefined
  const added = (x: number, y: number) => whole.data[y * width + x] === 1 && mask.data[y * width + x] === 0
  const data = whole.data.slice()
  for (let y = y0; y < y1; y++) {
    let n = 0
    for (let x = x0; x < x1; x++) if (added(x, y)) n++
    if (n > RULE_SPAN * (x1 - x0)) for (let x = x0; x < x1; x++) if (!mask.data[y * width + x]) data[y * width + x] = 0
  }
  for (let x = x0; x < x1; x++) {
    let n = 0
    for (let y = y0; y < y1; y++) if (added(x, y)) n++
    if (n > RULE_SPAN * (y1 - y0)) for (let y = y0; y < y1; y++) if (!mask.data[y * width + x]) data[y * width + x] = 0
  }
  return data
}
