import { PDFDocument, type PDFPage } from 'pdf-lib'

import { showRegion, straighten } from '../../../scan-pipeline/lib/assemble/assembleCopy'

import type { CopyPage } from './types'

/**
 * Builds a copy PDF from the original batch pages (possibly from several batches once pages were
 * moved by hand). Pages are copied as objects — the scanned images are reused, never re-encoded —
 * halves are cut with MediaBox/CropBox and orientation is fixed with /Rotate, the same way ingestion
 * assembles copies, so an edited copy looks exactly like an ingested one.
 */
export const assembleCopyPages = async ({
  sources,
  pages,
  skewOf,
}: {
  sources: Map<string, Uint8Array>
  pages: readonly CopyPage[]
  /** The skew ingestion measured for a source page, so a rebuilt copy stays as straight as the first one. */
  skewOf?: (page: CopyPage) => number
}): Promise<Uint8Array> => {
  const out = await PDFDocument.create({ updateMetadata: false })
  const loaded = new Map<string, PDFDocument>()
  for (const page of pages) {
    const key = String(page.batch)
    let source = loaded.get(key)
    if (!source) {
      const bytes = sources.get(key)
      if (!bytes) throw new Error(`assembleCopyPages: no source PDF for batch ${key}`)
      source = await PDFDocument.load(bytes, { updateMetadata: false })
      loaded.set(key, source)
    }
    const [copied] = (await out.copyPages(source, [page.sourcePage - 1])) as [PDFPage]
    straighten(copied, skewOf?.(page) ?? 0)
    showRegion(copied, page)
    out.addPage(copied)
  }
  return out.save({ useObjectStreams: true })
}
