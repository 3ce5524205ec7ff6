import * as mupdf from 'mupdf'

import type { PageAnalysis, PlannedCopy } from '../../../scan-pipeline/lib/index'
import { unpackMask, type PackedMask } from '../../../scan-pipeline/lib/template/mask'
import { formFromSubject, learnForm, readFirstPage, renderPageImage, type BlankForm, type PageImage } from '../fields/index'
import type { PointBox } from '../header/types'
import type { CopyReading } from '../match/index'
import { readPdfHeader, type HeaderReaders } from './readPdfHeader'

/** A copy PDF's first page, upright (the PDF carries the crop and /Rotate). */
export const firstPageImage = (pdf: Uint8Array): PageImage => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    return renderPageImage({ doc })
  } finally {
    doc.destroy()
  }
}

/** The framed header box ingestion found on a copy's first page, valid for the rotation it was found with. */
export const framedHeaderBox = ({ copy, analyses }: { copy: PlannedCopy; analyses: PageAnalysis[] }): PointBox | undefined => {
  const first = copy.pages[0]
  if (!first) return undefined
  const region = analyses.find((a) => a.sourcePage === first.sourcePage)?.regions.find((r) => r.region === first.region)
  return region && region.rotation === first.rotation ? region.headerBox : undefined
}

/** First pages that teach a batch its blank form: enough for the lightest pixel to lose the handwriting. */
export const LEARNING_PAGES = 7

/**
 * The blank form of a batch's copies: the subject's first page when the batch was cut on it, else
 * learned from up to LEARNING_PAGES copies through the first page's print found at ingestion, else none.
 */
export const batchForm = async ({ subject, firstPagePrint, pages, readers }: { subject?: Uint8Array; firstPagePrint?: PackedMask; pages: PageImage[]; readers: HeaderReaders }): Promise<BlankForm | undefined> => {
  if (subject) return formFromSubject({ pdf: subject })
  if (!firstPagePrint || pages.length < 2) return undefined
  return learnForm({ pages: pages.slice(0, LEARNING_PAGES), labels: readers.labels, print: unpackMask(firstPagePrint) })
}

/**
 * Every copy's first page read, in order (the CLI's whole identification input): a framed header box
 * ingestion found is read as such; the other copies against the batch's blank form, or, with none to be
 * had, by the printed labels found in the top band of the page.
 */
export const readCopies = async ({
  pdfs,
  headerBoxes = [],
  subject,
  firstPagePrint,
  readers,
  onRead,
}: {
  pdfs: Uint8Array[]
  /** per copy, the framed header box ingestion found on its first page (valid for the rotation it was stored with) */
  headerBoxes?: (PointBox | undefined)[]
  subject?: Uint8Array
  firstPagePrint?: PackedMask
  readers: HeaderReaders
  onRead?: (done: number) => void
}): Promise<CopyReading[]> => {
  const unframed = pdfs.flatMap((pdf, i) => (headerBoxes[i] ? [] : [i]))
  const pages = new Map(unframed.map((i) => [i, firstPageImage(pdfs[i]!)]))
  const form = unframed.length ? await batchForm({ subject, firstPagePrint, pages: [...pages.values()], readers }) : undefined
  const readings: CopyReading[] = []
  for (const [i, pdf] of pdfs.entries()) {
    const headerBox = headerBoxes[i]
    const page = pages.get(i)
    if (headerBox || !page || !form) readings.push(await readPdfHeader({ copyKey: String(i), pdf, headerBox, readers }))
    else {
      const r = await readFirstPage({ page, form, engines: readers.engines })
      readings.push({ copyKey: String(i), fields: r.fields, lattices: r.lattices })
    }
    onRead?.(i + 1)
  }
  return readings
}

export { footerFormOf, readCopyOrder, type CopyWrittenOrder, type FooterForm } from '../pageNumbers/index'
