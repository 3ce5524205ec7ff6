import * as mupdf from 'mupdf'

import { mapFormPoint } from '../fields/align'
import { handwritingOf, labelledStrokes, type Stroke } from '../fields/handwriting'
import { renderPageImage, type PageImage } from '../fields/page'
import { RESIDUE, tallerThanSliver, withoutRuleResidue } from '../fields/rules'
import type { GrayCrop } from '../header/types'
import { alignFooter } from './alignFooter'
import { withFaintStrokes } from './faintStrokes'
import { footOf, type FooterForm } from './footer'
import { freeNumberInk } from './freeNumberInk'
import { numberGroup } from './numberGroup'

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

/**
 * The writing of a page's number spot on white, ready for the recogniser: the footer's print taken away
 * (grown by one pixel only: digits written in cells touch their borders; a faint pen's strokes taken
 * whole, see withFaintStrokes), the writing next to the printed labels kept. Undefined when nothing is
 * written there. All of a page's pixel work and none of the recogniser's: it may run on another thread.
 */
export const numberCrop = ({ page, footer }: { page: PageImage; footer: FooterForm }): GrayCrop | undefined => {
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
  const labelled = labelledStrokes(writing)
  const inSpot = labelled.strokes.filter((s) => {
    const cx = (s.x0 + s.x1) / 2
    const cy = (s.y0 + s.y1) / 2
    return cx >= a.x && cx <= b.x && cy >= a.y && cy <= b.y
  })
  const strokes = footer.free ? (numberGroup({ strokes: inSpot.filter(tallerThanSliver), width: foot.width }) ?? []) : inSpot
  if (strokes.length < 2) return undefined
  // A free number's faint rim where the pen is faint (numbers in cells took theirs above, with the spot's writing).
  const faint = footer.free ? freeNumberInk({ page: foot, labelled, print: footer.mask, transform, strokes }) : undefined
  // The crop is already writing on white: the OCR's own cleaning would take digits at its sides for rules.
  return writingCrop({ page: foot, writing: faint ?? writing.data, strokes })
}

/** A copy whose page numbers are read: `footers[i]` the printed footer of page i's paper, if any. */
export type NumberCropsRequest = { pdf: Uint8Array; footers: (FooterForm | undefined)[]; blank: boolean[] }

/**
 * The writing of each page's number spot (undefined: a page not read, or nothing written there): all the
 * pixel work of reading a copy's page numbers, rendering included, and none of the recogniser's.
 */
export const numberCrops = ({ pdf, footers, blank }: NumberCropsRequest): (GrayCrop | undefined)[] => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    return Array.from({ length: doc.countPages() }, (_, index) => {
      const footer = footers[index]
      return footer && !blank[index] ? numberCrop({ page: renderPageImage({ doc, index }), footer }) : undefined
    })
  } finally {
    doc.destroy()
  }
}
