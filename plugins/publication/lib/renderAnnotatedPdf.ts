import { concatTransformationMatrix, LineJoinStyle, PDFDocument, popGraphicsState, pushGraphicsState, setLineJoin } from 'pdf-lib'

import { drawShape } from './draw'
import { RenderError } from './errors'
import { embedFonts } from './fonts'
import { normalizeAnnotation } from './normalize'
import { pageSpace } from './pageSpace'
import { drawSummary } from './summary/drawSummary'
import { summarize } from './summary/summaryRows'
import type { RenderAnnotatedPdfInput, Shape, StoredAnnotation } from './types'

export type RenderAnnotatedPdfResult = {
  pdf: Uint8Array
  /** Pages of the copy, then the summary's. */
  pageCount: number
  /** Annotations that were not drawn (unknown kind, newer schema, page out of range), with why. */
  skipped: { annotation: StoredAnnotation; reason: string }[]
}

/**
 * Burns the markings into the copy's own pages, as vectors, where the portal shows them, then appends
 * the grade summary. Pure: bytes and plain data in, bytes out.
 */
export const renderAnnotatedPdf = async ({
  copyPdf,
  annotations,
  grades,
  scale,
  studentName,
  examTitle,
  anonymousId,
  locale = 'fr',
}: RenderAnnotatedPdfInput): Promise<RenderAnnotatedPdfResult> => {
  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(copyPdf)
  } catch (error) {
    throw new RenderError(`The copy's PDF cannot be read: ${(error as Error).message}`)
  }
  const fonts = await embedFonts(doc)
  const pages = doc.getPages()
  const skipped: RenderAnnotatedPdfResult['skipped'] = []
  const byPage = new Map<number, Shape[]>()
  for (const annotation of annotations) {
    const shape = normalizeAnnotation(annotation)
    if (!shape) skipped.push({ annotation, reason: `unknown kind "${annotation.kind}" or schema ${annotation.schemaVersion}` })
    else if (!Number.isInteger(shape.page) || shape.page < 1 || shape.page > pages.length)
      skipped.push({ annotation, reason: `page ${shape.page} is not in this ${pages.length}-page copy` })
    else byPage.set(shape.page, [...(byPage.get(shape.page) ?? []), shape])
  }

  for (const [pageNumber, shapes] of byPage) {
    const page = pages[pageNumber - 1]
    const space = pageSpace({ crop: page.getCropBox(), rotate: page.getRotation().angle })
    // Fence the scan's own content in q…Q so whatever state it leaves cannot shift our drawing,
    // then start a fresh content stream after it.
    page.translateContent(0, 0)
    page.resetPosition()
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...space.matrix), setLineJoin(LineJoinStyle.Round))
    const ctx = { page, height: space.height, fonts }
    for (const shape of shapes) drawShape({ ctx, shape })
    page.pushOperators(popGraphicsState())
  }

  const summaryPages = drawSummary({ doc, fonts, summary: summarize({ grades, scale }), examTitle, studentName, anonymousId, locale })
  const pdf = await doc.save()
  return { pdf, pageCount: pages.length + summaryPages, skipped }
}
