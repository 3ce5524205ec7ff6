import * as mupdf from 'mupdf'

import type { PlannedPage } from '../types'
import type { Assembler } from './assembleCopy'
import { regionBox, straighteningMatrix, type Box } from './geometry'

/** PDF's default page size when a damaged file names none (what pdf-lib assumes too). */
const LETTER: Box = { x: 0, y: 0, width: 612, height: 792 }

/** The source page's box, inherited from its page tree if need be: grafted alone, a page would lose it. */
const sourceBoxOf = (source: mupdf.PDFDocument, index: number): Box => {
  const box = source.findPage(index).getInheritable('MediaBox')
  if (!box.isArray() || box.length !== 4) return LETTER
  const [x0, y0, x1, y1] = [0, 1, 2, 3].map((i) => box.get(i).asNumber())
  if (![x0, y0, x1, y1].every(Number.isFinite) || x0 === x1 || y0 === y1) return LETTER
  return { x: Math.min(x0!, x1!), y: Math.min(y0!, y1!), width: Math.abs(x1! - x0!), height: Math.abs(y1! - y0!) }
}

// Full precision: the same numbers as the desk's pdf-lib rebuild, so both render the same pixels.
const num = (v: number) => (Math.abs(v) < 1e-12 ? '0' : String(v))

/** The same turn as `straighten` (assembleCopy.ts), written around the page's content streams. */
const straighten = ({ out, page, box, skewDegrees }: { out: mupdf.PDFDocument; page: mupdf.PDFObject; box: Box; skewDegrees: number }) => {
  const matrix = straighteningMatrix({ box, skewDegrees })
  if (!matrix) return
  const start = out.addStream(`q ${matrix.map(num).join(' ')} cm\n`, {})
  const end = out.addStream('Q\n', {})
  const current = page.get('Contents')
  const contents = out.newArray()
  contents.push(start)
  if (!current.isNull()) {
    const resolved = current.resolve()
    if (resolved.isArray()) for (let i = 0; i < resolved.length; i++) contents.push(resolved.get(i))
    else contents.push(current)
  }
  contents.push(end)
  page.put('Contents', contents)
}

const corners = ({ x, y, width, height }: Box) => [x, y, x + width, y + height]

/** The same page boxes and /Rotate as `showRegion` (assembleCopy.ts); the box is set on the page itself, never inherited. */
const showRegion = ({ page, box, region, rotation }: { page: mupdf.PDFObject; box: Box } & Pick<PlannedPage, 'region' | 'rotation'>) => {
  const shown = corners(regionBox({ box, region }))
  page.put('MediaBox', shown)
  if (region !== 'full') page.put('CropBox', shown)
  page.put('Rotate', rotation)
}

const stubPage = ({ out, sourcePage }: { out: mupdf.PDFDocument; sourcePage: number }) => {
  const font = out.addSimpleFont(new mupdf.Font('Helvetica'))
  const resources = out.addObject({ Font: { F1: font } })
  const text = `Source page ${sourcePage} could not be read from the scan.`.replace(/[()\\]/g, '\\$&')
  out.insertPage(-1, out.addPage([0, 0, 595, 842], 0, resources, `BT /F1 14 Tf 60 760 Td (${text}) Tj ET`))
}

/**
 * Copies cut from a batch opened with mupdf — from disk through its seekable stream (`openMupdfFile`), only
 * the objects of the pages a copy takes are read, so assembling copies from a 1 GB batch does not hold the
 * batch in memory. The caller owns `source` and destroys it when done. Pages are
 * grafted as objects (the scanned images' streams copied as they are, never re-encoded); the two halves of a
 * spread share one copy of the image; a damaged source page becomes a visible stub, the others are kept.
 */
export const mupdfAssembler = ({ source, skewOf }: { source: mupdf.PDFDocument; skewOf?: (sourcePage: number) => number }): Assembler => ({
  assemble: async (pages) => {
    const out = new mupdf.PDFDocument()
    // The graft map holds the new document: left to V8's finalizer (which never feels wasm memory), every
    // copy of a big batch, images included, stayed in the worker's memory.
    const graft = out.newGraftMap()
    try {
      for (const p of pages) {
        try {
          graft.graftPage(-1, source, p.sourcePage - 1)
        } catch {
          stubPage({ out, sourcePage: p.sourcePage })
          continue
        }
        const page = out.findPage(out.countPages() - 1)
        const box = sourceBoxOf(source, p.sourcePage - 1)
        straighten({ out, page, box, skewDegrees: skewOf?.(p.sourcePage) ?? 0 })
        showRegion({ page, box, region: p.region, rotation: p.rotation })
      }
      // The saved file too lives in wasm memory until its Buffer is destroyed.
      const saved = out.saveToBuffer('compress,garbage')
      try {
        return saved.asUint8Array().slice()
      } finally {
        saved.destroy()
      }
    } finally {
      graft.destroy()
      out.destroy()
    }
  },
})
