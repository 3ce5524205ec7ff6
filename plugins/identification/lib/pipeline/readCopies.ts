import * as mupdf from 'mupdf'

import type { PageAnalysis, PlannedCopy } from '../../../scan-pipeline/lib/index'
import { unpackMask, type PackedMask } from '../../../scan-pipeline/lib/template/mask'
import { footOf } from '../pageNumbers/index'
import { IDENTITY_KINDS, NAME_KINDS, formFromSubject, learnForm, printsPageNumbers, readFirstPage, renderPageImage, type BlankForm, type PageImage } from '../fields/index'
import type { PointBox } from '../header/types'
import type { CopyReading } from '../match/index'
import { readFramedPdf, type HeaderReaders } from './readPdfHeader'
import { readByRoute } from './headerRoute'

/** A copy PDF's first page, upright (the PDF carries the crop and /Rotate). */
export const firstPageImage = (pdf: Uint8Array): PageImage => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    return renderPageImage({ doc })
  } finally {
    doc.destroy()
  }
}

/** The feet of a copy's pages after the first (up to `max`): numbered otherwise than the first pages a form is learned on. */
export const laterFeet = ({ pdf, max = 3 }: { pdf: Uint8Array; max?: number }): PageImage[] => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    return Array.from({ length: Math.max(0, Math.min(max + 1, doc.countPages()) - 1) }, (_, i) => footOf(renderPageImage({ doc, index: i + 1 })))
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
 * learned from up to LEARNING_PAGES copies through the first page's print found at ingestion, or from
 * the pages alone (loose sheets, a batch cut on its sheets' structure), else none.
 */
export const batchForm = async ({
  subject,
  firstPagePrint,
  looseSheets = false,
  pages,
  readers,
}: {
  subject?: Uint8Array
  firstPagePrint?: PackedMask
  /** loose sheets all of one form (an annex file): learned from the pages alone, no print to start from */
  looseSheets?: boolean
  pages: PageImage[]
  readers: HeaderReaders
}): Promise<BlankForm | undefined> => {
  if (subject) return formFromSubject({ pdf: subject })
  if (firstPagePrint || looseSheets) {
    if (pages.length < 2) return undefined
    return learnForm({ pages: pages.slice(0, LEARNING_PAGES), labels: readers.labels, print: firstPagePrint ? unpackMask(firstPagePrint) : undefined })
  }
  // Cut on something else than a first page's print (the sheets' structure, handwriting): the copies may
  // still share one printed first page. Learned from the pages alone, the form counts when its print holds a
  // name label, or no identity label at all: plain paper (copies doubles), whose rules it takes away and whose
  // first lines written are the name. Identity labels without a name label were misread: the top band's
  // reader does better.
  if (pages.length < MIN_UNGUIDED_PAGES) return undefined
  const form = await learnForm({ pages: pages.slice(0, LEARNING_PAGES), labels: readers.labels })
  const kinds = form.labels.map((label) => label.kind)
  return kinds.some((kind) => NAME_KINDS.has(kind)) || !kinds.some((kind) => IDENTITY_KINDS.has(kind)) ? form : undefined
}

/** First pages needed to learn a form with no print to start from: fewer, and one student's writing may pass for print. */
const MIN_UNGUIDED_PAGES = 5

/**
 * Every copy's first page read, in order (the CLI's whole identification input), as the app reads them.
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
  const pages = new Map<number, PageImage>()
  const pageOf = (i: number) => pages.get(i) ?? pages.set(i, firstPageImage(pdfs[i]!)).get(i)!
  // Learned from the first copies, the unframed ones first, once.
  let form: Promise<BlankForm | undefined> | undefined
  const formOf = () => {
    const learners = [...pdfs.keys()].sort((a, b) => Number(!!headerBoxes[a]) - Number(!!headerBoxes[b])).slice(0, LEARNING_PAGES)
    return (form ??= batchForm({ subject, firstPagePrint, pages: subject ? [] : learners.map(pageOf), readers }))
  }
  const readings: CopyReading[] = []
  const againstForm = async (i: number, blank: BlankForm): Promise<CopyReading> => {
    const r = await readFirstPage({ page: pageOf(i), form: blank, engines: readers.engines })
    return { copyKey: String(i), fields: r.fields, lattices: r.lattices }
  }
  for (const [i, pdf] of pdfs.entries()) {
    const headerBox = headerBoxes[i]
    const { reading } = await readByRoute<{ reading: CopyReading; byLabels: boolean }>({
      framed: !!headerBox,
      printedForm: formOf,
      batchForm: formOf,
      againstForm: async (blank) => ({ reading: await againstForm(i, blank), byLabels: false }),
      readBox: async (framed) => {
        const { reading: r } = await readFramedPdf({ pdf, headerBox: framed ? headerBox : undefined, readers })
        return { reading: { copyKey: String(i), fields: r.fields, lattices: r.lattices }, byLabels: r.layout.source === 'labels' }
      },
      foundLabels: (read) => read.byLabels,
    })
    readings.push(reading)
    onRead?.(i + 1)
  }
  return readings
}

export { printsPageNumbers }
export { footerFormOf, footerOfPage, footerWithoutWriting, pageNumberFooter, readCopyOrder, type CopyWrittenOrder, type FooterForm } from '../pageNumbers/index'
