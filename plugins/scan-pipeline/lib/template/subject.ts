import * as mupdf from 'mupdf'
import { ScanInputError } from '../errors'
import { pixmapPixels } from '../pdf/pixels'
import { estimateBackground } from '../raster/background'
import { cropGray, type GrayImage } from '../raster/gray'
import type { Box } from '../types'
import { inkDescriptor, packMask, DESCRIPTOR_DPI, type PackedMask } from './mask'

/** A printed line of the subject with its box (points, top-left origin of the page it is on). */
export type SubjectLine = { text: string; box: Box }

/** One page of the blank subject as a student's copy holds it: page `number` of the copy. */
export type SubjectPage = {
  number: number
  widthPt: number
  heightPt: number
  mask: PackedMask
  lines: SubjectLine[]
  /** the same print word by word (what label finding works on) */
  words: SubjectLine[]
}

export type SubjectModel = { pages: SubjectPage[] }

const RENDER_DPI = DESCRIPTOR_DPI * 2
const SPREAD_MIN_WIDTH_PT = 1000

type Half = { image: GrayImage; widthPt: number; heightPt: number; lines: SubjectLine[]; words: SubjectLine[] }

/** Words of the text layer, each with the box of its characters. */
const wordsOf = (page: mupdf.Page): SubjectLine[] => {
  const text = page.toStructuredText('preserve-whitespace')
  const words: SubjectLine[] = []
  let current: { text: string; x0: number; y0: number; x1: number; y1: number } | undefined
  const flush = () => {
    if (current && current.text.trim()) words.push({ text: current.text, box: { x: current.x0, y: current.y0, width: current.x1 - current.x0, height: current.y1 - current.y0 } })
    current = undefined
  }
  try {
    text.walk({
      onChar: (c, _origin, _font, _size, quad) => {
        if (/\s/.test(c)) return flush()
        const xs = [quad[0], quad[2], quad[4], quad[6]]
        const ys = [quad[1], quad[3], quad[5], quad[7]]
        const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
        if (!current) current = { text: c, ...box }
        else {
          current.text += c
          current.x0 = Math.min(current.x0, box.x0)
          current.y0 = Math.min(current.y0, box.y0)
          current.x1 = Math.max(current.x1, box.x1)
          current.y1 = Math.max(current.y1, box.y1)
        }
      },
      endLine: flush,
    })
  } finally {
    text.destroy()
  }
  return words
}

const linesOf = (page: mupdf.Page): SubjectLine[] => {
  const text = page.toStructuredText('preserve-whitespace')
  try {
    const json = JSON.parse(text.asJSON()) as { blocks: { type: string; lines?: { text: string; bbox: { x: number; y: number; w: number; h: number } }[] }[] }
    return json.blocks.flatMap((b) => (b.lines ?? []).filter((l) => l.text.trim()).map((l) => ({ text: l.text.trim(), box: { x: l.bbox.x, y: l.bbox.y, width: l.bbox.w, height: l.bbox.h } })))
  } finally {
    text.destroy()
  }
}

const renderPage = (doc: mupdf.Document, index: number): Half => {
  const page = doc.loadPage(index)
  try {
    const [x0, y0, x1, y1] = page.getBounds()
    const scale = RENDER_DPI / 72
    const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, false)
    try {
      return { image: pixmapPixels(pix), widthPt: x1 - x0, heightPt: y1 - y0, lines: linesOf(page), words: wordsOf(page) }
    } finally {
      pix.destroy()
    }
  } finally {
    page.destroy()
  }
}

const splitSpread = (p: Half): [Half, Half] => {
  const half = Math.floor(p.image.width / 2)
  const halfPt = p.widthPt / 2
  const keep = (items: SubjectLine[], left: boolean) =>
    items
      .filter((l) => (left ? l.box.x + l.box.width / 2 < halfPt : l.box.x + l.box.width / 2 >= halfPt))
      .map((l) => ({ ...l, box: { ...l.box, x: left ? l.box.x : l.box.x - halfPt } }))
  const side = (left: boolean): Half => ({
    image: cropGray({ image: p.image, x: left ? 0 : p.image.width - half, width: half }),
    widthPt: halfPt,
    heightPt: p.heightPt,
    lines: keep(p.lines, left),
    words: keep(p.words, left),
  })
  return [side(true), side(false)]
}

/** Where each page of one copy is in a subject's PDF: a PDF page, or one half of an A3 sheet. */
export type SubjectPlace = { index: number; half?: 'left' | 'right' }

/**
 * The pages of one copy in a subject's PDF pages of these sizes: A4 pages in order; two A3 sheets imposed
 * as a booklet (front = [4 | 1], back = [2 | 3]); more A3 sheets, each one's halves left to right.
 */
export const subjectLayout = ({ sizes }: { sizes: { widthPt: number; heightPt: number }[] }): SubjectPlace[] => {
  const spreads = sizes.every((p) => p.widthPt >= SPREAD_MIN_WIDTH_PT && p.widthPt > p.heightPt)
  if (!spreads) return sizes.map((_, index) => ({ index }))
  if (sizes.length === 2)
    return [
      { index: 0, half: 'right' },
      { index: 1, half: 'left' },
      { index: 1, half: 'right' },
      { index: 0, half: 'left' },
    ]
  return sizes.flatMap((_, index) => [
    { index, half: 'left' as const },
    { index, half: 'right' as const },
  ])
}

/**
 * The blank subject a teacher attaches to an exam, as the pages of one copy: A4 pages in order, or
 * A3 sheets imposed as a booklet (front = [4 | 1], back = [2 | 3]) cut into their halves. Each page
 * keeps its printed lines (from the PDF's own text, no OCR) for finding the name fields later.
 */
export const readSubject = ({ bytes, fileName = 'subject.pdf' }: { bytes: Uint8Array; fileName?: string }): SubjectModel => {
  let doc: mupdf.Document
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  } catch (err) {
    throw new ScanInputError({ code: 'unreadable_pdf', file: fileName, reason: `the subject is not a readable PDF (${(err as Error).message})`, status: 400 })
  }
  try {
    const count = doc.countPages()
    if (count === 0) throw new ScanInputError({ code: 'no_pages', file: fileName, reason: 'the subject has no pages', status: 400 })
    if (count > 40) throw new ScanInputError({ code: 'too_many_pages', file: fileName, reason: `a subject of ${count} pages is not one copy's paper (at most 40)`, status: 400 })
    const rendered = Array.from({ length: count }, (_, i) => renderPage(doc, i))
    const spreads = new Map<number, [Half, Half]>()
    const spreadOf = (index: number) => spreads.get(index) ?? spreads.set(index, splitSpread(rendered[index]!)).get(index)!
    const halves = subjectLayout({ sizes: rendered }).map(({ index, half }) => (half ? spreadOf(index)[half === 'left' ? 0 : 1] : rendered[index]!))
    return {
      pages: halves.map((h, i) => ({
        number: i + 1,
        widthPt: h.widthPt,
        heightPt: h.heightPt,
        mask: packMask(inkDescriptor({ image: h.image, background: estimateBackground(h.image), border: 0 })),
        lines: h.lines,
        words: h.words,
      })),
    }
  } finally {
    doc.destroy()
  }
}
