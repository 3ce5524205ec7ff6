import sharp from 'sharp'

import { mapFormPoint } from '../fields/align'
import { handwritingOf, strokesOf, type Stroke } from '../fields/handwriting'
import type { PageImage } from '../fields/page'
import { RESIDUE, tallerThanSliver, withoutRuleResidue } from '../fields/rules'
import type { GrayCrop } from '../header/types'
import { bestPathLogLikelihood, classesOfText, ctcLogLikelihood, decodeLattice } from '../lattice/index'
import type { OcrEngine } from '../ocr/types'
import { alignFooter } from './alignFooter'
import { digitsOnly } from './digitsOnly'
import { footOf, type FooterForm } from './footer'
import { withFaintStrokes } from './faintStrokes'
import { numberGroup } from './numberGroup'
import { MAX_PAGES } from './parse'

/**
 * How well each "n / N" explains the writing of one page's number spot: `scores[N][n]`, natural log
 * likelihoods under the recogniser's lattice (digits only: "3/8" and "03/08" alike, the slash a stray
 * mark), and the likelihood of the best free reading, to tell writing that is no number at all.
 */
export type PageNumberScores = { scores: Float64Array[]; free: number }

/** The writing of some strokes alone on white paper (cell borders and labels never reach the OCR). */
const writingCrop = ({ page, writing, strokes }: { page: GrayCrop; writing: Uint8Array; strokes: Stroke[] }): GrayCrop => {
  const pad = 20
  const x0 = Math.max(0, Math.min(...strokes.map((s) => s.x0)) - pad)
  const y0 = Math.max(0, Math.min(...strokes.map((s) => s.y0)) - pad)
  const x1 = Math.min(page.width, Math.max(...strokes.map((s) => s.x1)) + pad)
  const y1 = Math.min(page.height, Math.max(...strokes.map((s) => s.y1)) + pad)
  const width = x1 - x0
  const raw = new Uint8Array(width * (y1 - y0)).fill(255)
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = y * page.width + x
      if (writing[i]) raw[(y - y0) * width + x - x0] = page.raw[i]!
    }
  return { raw, width, height: y1 - y0 }
}

const pad2 = (v: number) => String(v).padStart(2, '0')

/**
 * Scores every page number for the writing in a page's footer spot: the footer's print taken away
 * (grown by one pixel only: digits written in cells touch their borders; a faint pen's strokes taken
 * whole, see withFaintStrokes), the writing next to the
 * printed labels kept and given to the recogniser. Undefined when nothing is written there.
 */
export const scorePageNumber = async ({ page, footer, engines }: { page: PageImage; footer: FooterForm; engines: OcrEngine[] }): Promise<PageNumberScores | undefined> => {
  const engine = engines.find((e) => e.lattice)
  if (!engine) return undefined
  const foot = footOf(page)
  const { mask, transform } = handwritingOf({ page: foot, form: { image: footer.image, mask: footer.mask, labels: [], source: 'subject' }, grow: 1, align: ({ ink }) => alignFooter({ footer, ink }) })
  if (!transform) return undefined
  const a = mapFormPoint({ x: footer.spot.x0, y: footer.spot.y0, t: transform, form: footer.mask, page: foot })
  const b = mapFormPoint({ x: footer.spot.x1, y: footer.spot.y1, t: transform, form: footer.mask, page: foot })
  // Free numbers are written on ruled paper whose rules the subtraction leaves slivers of, not in cells;
  // in cells, on bare paper, a faint pen's strokes are taken whole.
  const writing = footer.free
    ? withoutRuleResidue({ mask, ...RESIDUE })
    : withFaintStrokes({ page: foot, writing: mask, print: footer.mask, transform, spot: { x0: a.x, y0: a.y, x1: b.x, y1: b.y } })
  const inSpot = strokesOf(writing).filter((s) => {
    const cx = (s.x0 + s.x1) / 2
    const cy = (s.y0 + s.y1) / 2
    return cx >= a.x && cx <= b.x && cy >= a.y && cy <= b.y
  })
  const strokes = footer.free ? (numberGroup({ strokes: inSpot.filter(tallerThanSliver), width: foot.width }) ?? []) : inSpot
  if (strokes.length < 2) return undefined
  // The crop is already writing on white: the OCR's own cleaning would take digits at its sides for rules.
  const crop = writingCrop({ page: foot, writing: writing.data, strokes })
  const png = await sharp(Buffer.from(crop.raw), { raw: { width: crop.width, height: crop.height, channels: 1 } }).png().toBuffer()
  const lattice = await engine.lattice!({ png })
  const logp = digitsOnly({ logp: decodeLattice(lattice), frames: lattice.frames })
  const frames = lattice.frames
  const digits = new Map<string, number[]>()
  const classes = (text: string) => digits.get(text) ?? (digits.set(text, classesOfText(text)), digits.get(text)!)
  const scores: Float64Array[] = []
  for (let total = 2; total <= MAX_PAGES; total++) {
    const row = new Float64Array(total + 1).fill(-Infinity)
    for (let n = 1; n <= total; n++)
      for (const first of new Set([pad2(n), String(n)]))
        for (const second of new Set([pad2(total), String(total)])) row[n] = Math.max(row[n]!, ctcLogLikelihood({ logp, frames, target: classes(first + second) }))
    scores[total] = row
  }
  return { scores, free: bestPathLogLikelihood({ logp, frames }) }
}
