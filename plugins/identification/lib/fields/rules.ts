import type { GrayCrop } from '../header/types'
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
  const raw = image.raw.slice()
  // A rule's anti-aliased edge, a pixel either side, goes with it.
  for (let i = 0; i < raw.length; i++) {
    if (!rule[i]) continue
    raw[i] = 255
    const x = i % width
    if (x > 0) raw[i - 1] = 255
    if (x < width - 1) raw[i + 1] = 255
    if (i >= width) raw[i - width] = 255
    if (i + width < raw.length) raw[i + width] = 255
  }
  return { raw, width, height: image.height }
}

/** The rules of a print (1 on a rule's pixels): thin runs of ink longer than `long` or taller than `tall`. */
export const rulesOf = ({ image, long, tall }: { image: GrayCrop; long: number; tall: number }): Uint8Array => {
  const { width, height } = image
  const ink = inkOf(image)
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
