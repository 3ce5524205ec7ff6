import { degrees, PDFDocument, type PDFPage } from 'pdf-lib'

import { normaliseRotation } from './edit'
import type { CopyPage, Rotation } from './types'

/** Where a page of an edited copy is drawn today: page `index` (from 0) of copy `copy`'s PDF, turned `rotation`. */
export type PageOrigin = { copy: string; index: number; rotation: Rotation }

/** A copy's page that remembers its origin through an edit (the edit functions keep what a page carries). */
export type TracedPage = CopyPage & { origin: PageOrigin }

export const tracePages = ({ copy, pages }: { copy: string | number; pages: readonly CopyPage[] }): TracedPage[] =>
  pages.map((page, index) => ({ ...page, origin: { copy: String(copy), index, rotation: page.rotation } }))

/** The page as a copy stores it: without its origin, which only lives for the length of an edit. */
export const plainPage = ({ batch, sourcePage, region, rotation, blank, subjectPage }: CopyPage): CopyPage => ({ batch, sourcePage, region, rotation, blank, ...(subjectPage ? { subjectPage } : {}) })

/** A copy's PDF, parsed once for an edit: its page count is checked against the copy, then its pages are copied from it. */
export const loadCopyPdf = (pdf: Uint8Array): Promise<PDFDocument> => PDFDocument.load(pdf, { updateMetadata: false })

/**
 * A copy PDF made of pages of the copies' current PDFs, instead of the batches they were scanned in: a
 * page is copied as an object (its scan reused, never re-encoded; its half cut, its straightening and its
 * /Rotate kept) and only turned by what the edit changed. A page of an ingested or rebuilt copy PDF is
 * exactly what `assembleCopyPages` makes of its batch page, so the result is the same copy, without
 * reading and repairing whole batches of hundreds of pages for a turn of one.
 */
export const assembleFromCopies = async ({ pdfs, pages }: { pdfs: Map<string, PDFDocument>; pages: readonly TracedPage[] }): Promise<Uint8Array> => {
  const out = await PDFDocument.create({ updateMetadata: false })
  for (const page of pages) {
    const { copy, index, rotation } = page.origin
    const source = pdfs.get(copy)
    if (!source) throw new Error(`assembleFromCopies: no PDF for copy ${copy}`)
    if (index >= source.getPageCount()) throw new Error(`assembleFromCopies: copy ${copy} has no page ${index}`)
    const [copied] = (await out.copyPages(source, [index])) as [PDFPage]
    const turn = normaliseRotation(page.rotation - rotation)
    if (turn) copied.setRotation(degrees(normaliseRotation(copied.getRotation().angle + turn)))
    out.addPage(copied)
  }
  return out.save({ useObjectStreams: true })
}
