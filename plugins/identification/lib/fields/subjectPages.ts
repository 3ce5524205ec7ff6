import * as mupdf from 'mupdf'

import { subjectLayout, type SubjectPlace } from '../../../scan-pipeline/lib/template/subject'
import { renderPageImage, FORM_DPI, type PageImage } from './page'

/** Where each page of one copy is in an opened subject PDF: a page, or half of an A3 sheet (see subjectLayout). */
export const subjectPlaces = (doc: mupdf.Document): SubjectPlace[] =>
  subjectLayout({
    sizes: Array.from({ length: doc.countPages() }, (_, index) => {
      const page = doc.loadPage(index)
      try {
        const [x0, y0, x1, y1] = page.getBounds()
        return { widthPt: x1 - x0, heightPt: y1 - y0 }
      } finally {
        page.destroy()
      }
    }),
  })

/** Every page of one copy in a subject PDF, upright, in the subject's page order (ingestion's `subjectPage` - 1). */
export const subjectPageImages = ({ pdf }: { pdf: Uint8Array }): PageImage[] => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    return subjectPlaces(doc).map(({ index, half }) => renderPageImage({ doc, index, dpi: FORM_DPI, half }))
  } finally {
    doc.destroy()
  }
}
