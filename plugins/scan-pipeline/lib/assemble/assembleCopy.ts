import {
  PDFArray,
  PDFDocument,
  PDFName,
  StandardFonts,
  concatTransformationMatrix,
  degrees,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from 'pdf-lib'
import type { PlannedPage } from '../types'
import { regionBox, straighteningMatrix } from './geometry'

export type Assembler = { assemble: (pages: Pick<PlannedPage, 'sourcePage' | 'region' | 'rotation'>[]) => Promise<Uint8Array> }

/**
 * Parse the batch once and build any number of copies from it. Pages are copied as objects
 * (the scanned JPEG streams are reused byte for byte); A3 halves are cut with page boxes and
 * orientation fixed with /Rotate, so nothing is re-encoded.
 */
export const openAssembler = async ({
  sourceBytes,
  skewOf,
}: {
  sourceBytes: Uint8Array
  /** The measured skew of a source page (degrees, clockwise on screen), to turn it back when stored. */
  skewOf?: (sourcePage: number) => number
}): Promise<Assembler> => {
  const source = await PDFDocument.load(sourceBytes, { updateMetadata: false })
  return {
    assemble: async (pages) => {
      const out = await PDFDocument.create({ updateMetadata: false })
      let copied: (PDFPage | undefined)[]
      try {
        // one copyPages call: both halves of a spread share a single copy of the image
        copied = await out.copyPages(source, pages.map((p) => p.sourcePage - 1))
      } catch {
        // a damaged page must not cost the copy its other pages: copy one by one
        copied = []
        for (const p of pages) copied.push(await out.copyPages(source, [p.sourcePage - 1]).then(([c]) => c, () => undefined))
      }
      const font = await out.embedFont(StandardFonts.Helvetica)
      pages.forEach((p, i) => {
        const page = copied[i]
        if (!page) {
          // keep the page's place in the copy, visibly, so a reviewer sees what is missing
          const stub = out.addPage([595, 842])
          stub.drawText(`Source page ${p.sourcePage} could not be read from the scan.`, { x: 60, y: 760, size: 14, font })
          return
        }
        straighten(page, skewOf?.(p.sourcePage) ?? 0)
        showRegion(page, p)
        out.addPage(page)
      })
      return out.save({ useObjectStreams: true })
    },
  }
}

/**
 * Turns a scanned sheet back by its measured skew, about the sheet's centre: a transformation wrapped
 * around the page's content streams, so the scan itself is not re-encoded. The page gets a fresh
 * Contents array (both halves of a spread may share the source's streams).
 */
export const straighten = (page: PDFPage, skewDegrees: number): void => {
  const matrix = straighteningMatrix({ box: page.getMediaBox(), skewDegrees })
  if (!matrix) return
  const context = page.doc.context
  const contents = page.node.Contents()
  const current = page.node.get(PDFName.of('Contents'))
  const streams = contents instanceof PDFArray ? contents.asArray() : current ? [current] : []
  const start = context.register(context.contentStream([pushGraphicsState(), concatTransformationMatrix(...matrix)]))
  const end = context.register(context.contentStream([popGraphicsState()]))
  page.node.set(PDFName.of('Contents'), context.obj([start, ...streams, end]))
}

/** Shows one region of a stored page, upright: page boxes cut an A3 half (nothing re-encoded), /Rotate turns it. */
export const showRegion = (page: PDFPage, { region, rotation }: Pick<PlannedPage, 'region' | 'rotation'>): void => {
  if (region !== 'full') {
    const { x, y, width, height } = regionBox({ box: page.getMediaBox(), region })
    page.setMediaBox(x, y, width, height)
    page.setCropBox(x, y, width, height)
  }
  page.setRotation(degrees(rotation))
}

export const assembleCopyPdf = async ({ sourceBytes, pages }: { sourceBytes: Uint8Array; pages: Pick<PlannedPage, 'sourcePage' | 'region' | 'rotation'>[] }): Promise<Uint8Array> =>
  (await openAssembler({ sourceBytes })).assemble(pages)
