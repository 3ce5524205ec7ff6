import { dilate, type Mask } from '../../../scan-pipeline/lib/template/mask'
import type { FormTransform } from '../fields/align'
import { printedAt } from '../fields/handwriting'
import type { PageImage } from '../fields/page'
import type { PixelRect } from '../fields/assign'

/**
 * Pixels kept clear of the print when the faint rim of the writing is taken: a scan's print is blurrier
 * than the form's, and a cell border's halo read as a stroke would be a "1".
 */
const PRINT_MARGIN = 3
/** The rim is what stands out of the spot's own paper by this many times its noise (MAD-based sigma)… */
const NOISE_SIGMAS = 5
/**
 * …between the ink level (`inkOf`) and this share of the paper: lighter is paper tone, whatever the noise.
 * A hairline's thin parts come out of a 150 dpi render at ~0.95 of the paper (0.92 left "3" a "1").
 */
const LIGHTEST = 0.97
const DARKEST = 0.72
/**
 * The ink mask holds less than this share of the writing's visible pixels: it sees only the cores of a
 * hairline pen's strokes, broken (a normal pen's rim is anti-aliasing: 0.55–0.8 of its pixels are ink).
 */
const FAINT_PEN = 0.5

const grownPrint = new WeakMap<Mask, Mask>()

const quantile = (hist: Uint32Array, count: number): number => {
  let acc = 0
  for (let v = 0; v < hist.length; v++) if ((acc += hist[v]!) >= count) return v
  return hist.length - 1
}

/**
 * The writing of a page-number spot seen whole when the pen is faint: the strokes the ink mask found
 * (`writing`), grown into the lighter pixels around them that stand out of the spot's paper noise and
 * lie clear of the print. A normal pen's writing is returned as it is: its rim is anti-aliasing, and
 * thickening it changes how the recogniser reads some hands' digits.
 */
export const withFaintStrokes = ({ page, writing, print, transform, spot }: { page: PageImage; writing: Mask; print: Mask; transform: FormTransform; spot: PixelRect }): Mask => {
  const grown = grownPrint.get(print) ?? grownPrint.set(print, dilate(print, PRINT_MARGIN)).get(print)!
  const printed = printedAt({ print: grown, transform, page })
  const x0 = Math.max(0, Math.floor(spot.x0))
  const y0 = Math.max(0, Math.floor(spot.y0))
  const x1 = Math.min(page.width, Math.ceil(spot.x1))
  const y1 = Math.min(page.height, Math.ceil(spot.y1))
  const { width } = page
  // The spot's paper and noise, measured where no print is: scans differ in tone and grain.
  const clear = new Uint8Array(page.width * page.height)
  const hist = new Uint32Array(256)
  let count = 0
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (!printed(x, y)) {
        clear[y * width + x] = 1
        hist[page.raw[y * width + x]!]!++
        count++
      }
  if (count < 100) return writing
  const paper = quantile(hist, count / 2)
  const deviation = new Uint32Array(256)
  for (let v = 0; v < 256; v++) deviation[Math.abs(v - paper)]! += hist[v]!
  const sigma = 1.4826 * Math.max(1, quantile(deviation, count / 2))
  const level = Math.max(paper * DARKEST, Math.min(paper * LIGHTEST, paper - NOISE_SIGMAS * sigma))

  // The rim joins the writing only where it touches it: grain does not start a stroke, nor does print
  // residue (ink near the print, left by an alignment a pixel off).
  const data = writing.data.slice()
  const stack: number[] = []
  let ink = 0
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = y * width + x
      if (!writing.data[i]) continue
      ink++
      if (clear[i]) stack.push(i)
    }
  let seen = ink
  while (stack.length) {
    const i = stack.pop()!
    const x = i % width
    const y = (i - x) / width
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx
        const yy = y + dy
        if (xx < x0 || yy < y0 || xx >= x1 || yy >= y1) continue
        const j = yy * width + xx
        if (!data[j] && clear[j] && page.raw[j]! < level) {
          data[j] = 1
          seen++
          stack.push(j)
        }
      }
  }
  return ink / Math.max(1, seen) < FAINT_PEN ? { ...writing, data } : writing
}
