import { findHeaderBox } from '../layout/header'
import { horizontalLines, verticalLines } from '../layout/lines'
import { countInk, textMask } from '../blank/textMask'
import { isBlank } from '../blank/isBlank'
import { alignmentEvidence } from '../orientation/alignment'
import { findMarginLine } from '../orientation/margin'
import { inkMask } from '../raster/background'
import type { GrayImage } from '../raster/gray'
import type { Box } from '../types'

export type RegionFeatures = {
  /** > 0: the image is upright as given; < 0: it is upside down */
  score: number
  blank: boolean
  inkRatio: number
  textPixels: number
  header?: { box: Box; position: 'top' | 'bottom' }
  margin?: 'left' | 'right'
}

/** Light ruled lines sit near 0.87 of paper brightness; pen, print and margin rules well below. */
const LINE_RATIO = 0.8

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** Features of one deskewed A4 side in portrait, upright or upside down. */
export const regionFeatures = ({ image, background }: { image: GrayImage; background: number }): RegionFeatures => {
  const { width, height } = image
  const mask = inkMask({ image, background })
  // thin printed lines lose contrast at analysis resolution: find them with a looser threshold
  const lineMask = inkMask({ image, background, ratio: LINE_RATIO })
  // found once at the shortest length any consumer needs, then filtered by each
  const hLines = horizontalLines({ mask: lineMask, width, height, minLength: Math.round(width * 0.25) })
  const vLines = verticalLines({ mask: lineMask, width, height, minLength: Math.round(height * 0.2) })
  const header = findHeaderBox({ mask: lineMask, width, height, lines: hLines })
  const margin = findMarginLine({ mask: lineMask, width, height, lines: vLines })
  const text = textMask({ mask, width, height, hLines, vLines, exclude: header?.box })
  const textPixels = countInk(text)
  const align = alignmentEvidence({ text, width, height })
  let score = 0
  if (header) score += header.position === 'top' ? 4 : -4
  if (margin) score += margin.side === 'left' ? 3 : -3
  score += clamp(align.score * 40, -2, 2)
  // Pages are written from the top down, so ink sitting high leans upright; only with lines of writing: a number
  // written alone in the page box at the foot of an empty page (official sheets) is no page written from the bottom.
  if (align.bands >= 2) score += clamp((0.5 - align.massCentre) * 2, -0.75, 0.75)
  return {
    score,
    blank: !header && isBlank({ textPixels, width, height }),
    inkRatio: textPixels / (width * height),
    textPixels,
    header,
    margin: margin?.side,
  }
}
