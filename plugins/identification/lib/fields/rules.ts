import type { Mask } from '../../../scan-pipeline/lib/template/mask'
import type { GrayCrop } from '../header/types'
import { labelPieces } from './handwriting'
import { inkOf } from './page'

/** How far beside a run (pixels) paper is looked for, and how much ink there still makes it text. */
const THIN = 5
const BESIDE_SHARE = 0.25

/**
 * A print with its rules taken away: ink in a horizontal run longer than `long` pixels or a vertical run
 * taller than `tall` is paper. Frames, letter cells and the rules of a shaded band are no text; beside a
 * label they make OCR's layout analysis take the label and the rows of cells next to it for one tall line
 * of garbage (the official sheet's NOM DE FAMILLE, read "Nouperaute"). Printed letters are shorter
 * than `tall` at any size a label is printed in (14 pt capitals are 25 px at 150 dpi).
 */
export const withoutRules = ({ image, long, tall }: { image: GrayCrop; long: number; tall: number }): GrayCrop => {
  const { width } = image
  const rule = rulesOf({ image, long, tall })
  return { raw: withRulesSetTo({ values: image.raw, rule, width, value: 255 }), width, height: image.height }
}

/** `values` with every rule pixel, and its anti-aliased edge a pixel either side, set to `value`. */
const withRulesSetTo = ({ values, rule, width, value }: { values: Uint8Array; rule: Uint8Array; width: number; value: number }): Uint8Array => {
  const out = values.slice()
  for (let i = 0; i < out.length; i++) {
    if (!rule[i]) continue
    out[i] = value
    const x = i % width
    if (x > 0) out[i - 1] = value
    if (x < width - 1) out[i + 1] = value
    if (i >= width) out[i - width] = value
    if (i + width < out.length) out[i + width] = value
  }
  return out
}

/** The rules of a print (1 on a rule's pixels): thin runs of ink longer than `long` or taller than `tall`. */
export const rulesOf = ({ image, long, tall }: { image: GrayCrop; long: number; tall: number }): Uint8Array =>
  rulesOfInk({ ink: inkOf(image), width: image.width, height: image.height, long, tall })

/** The rules among ink pixels (1 = ink) of a `width` × `height` image: see rulesOf. */
const rulesOfInk = ({ ink, width, height, long, tall }: { ink: Uint8Array; width: number; height: number; long: number; tall: number }): Uint8Array => {
  const rule = new Uint8Array(ink.length)
  // A run is a rule where it is thin: mostly paper a few pixels either side of it. Bold words whose
  // letters touch make long runs too, with their letters' strokes beside them.
  // `across`: one pixel sideways (1 along a column, width along a row); 0 where the image has no room beside
  // the run to look, and such a run (at the image's edge) is left.
  const mark = (from: number, count: number, step: number, across: number) => {
    if (across === 0) return
    const besideShare = (offset: number) => {
      let ink_ = 0
      for (let k = 0; k < count; k++) ink_ += ink[from + k * step + offset] ?? 0
      return ink_ / count
    }
    if (Math.max(besideShare(-THIN * across), besideShare(THIN * across)) > BESIDE_SHARE) return
    for (let k = 0; k < count; k++) rule[from + k * step] = 1
  }
  for (let y = 0; y < height; y++) {
    let run = 0
    for (let x = 0; x <= width; x++) {
      if (x < width && ink[y * width + x]) run++
      else {
        if (run > long) mark(y * width + x - run, run, 1, y >= THIN && y < height - THIN ? width : 0)
        run = 0
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let run = 0
    for (let y = 0; y <= height; y++) {
      if (y < height && ink[y * width + x]) run++
      else {
        if (run > tall) mark((y - run) * width + x, run, width, x >= THIN && x < width - THIN ? 1 : 0)
        run = 0
      }
    }
  }
  return rule
}

/** Rule slivers, in pixels at FORM_DPI: runs of 1 cm across or 1.5 cm down, pieces 0.5 mm high and 4 mm long. */
export const RESIDUE = { long: 60, tall: 90, flat: 3, flatWide: 24 }

/**
 * Writing with the print's leftovers taken away: where the blank form lays a page's rules a pixel off
 * (ruled paper, a sheet that bends in the feeder), the subtraction leaves thin slivers of each rule (a
 * Seyès copie double: dozens per line, cut short where the grid's verticals cross), which pass for a line
 * of writing and join letters into one piece. No hand draws a thin straight run of `long` pixels with
 * nothing beside it (a letter's upstroke is shorter than `tall`), nor a piece `flat` pixels high and
 * `flatWide` long on its own (a t's bar, a hyphen are shorter).
 */
export const withoutRuleResidue = ({ mask, long, tall, flat, flatWide }: { mask: Mask; long: number; tall: number; flat: number; flatWide: number }): Mask => {
  const rule = rulesOfInk({ ink: mask.data, width: mask.width, height: mask.height, long, tall })
  const { label, pieces } = labelPieces(mask)
  const sliver = pieces.map((p) => p.y1 - p.y0 <= flat && p.x1 - p.x0 >= flatWide)
  for (let i = 0; i < rule.length; i++) if (label[i]! >= 0 && sliver[label[i]!]) rule[i] = 1
  return { ...mask, data: withRulesSetTo({ values: mask.data, rule, width: mask.width, value: 0 }) }
}

/** A piece taller than a rule's sliver (a hyphen or an i's dot, that flat, only widens what it joins). */
export const tallerThanSliver = (stroke: { y0: number; y1: number }): boolean => stroke.y1 - stroke.y0 > RESIDUE.flat
