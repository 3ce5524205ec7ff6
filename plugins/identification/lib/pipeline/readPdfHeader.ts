import { deskew, padBox, readHeader, renderCrop, type PointBox } from '../header/index'
import type { CopyReading } from '../match/index'
import type { LabelReader } from '../header/index'
import type { OcrEngine } from '../ocr/index'

export type HeaderReaders = { labels: LabelReader; engines: OcrEngine[] }

/**
 * Reads the handwritten header of a copy PDF's first page (already upright): the printed box found by
 * ingestion when there is one, the top band of the page otherwise.
 */
export const readPdfHeader = async ({
  copyKey,
  pdf,
  headerBox,
  readers,
}: {
  copyKey: string
  pdf: Uint8Array
  headerBox?: PointBox
  readers: HeaderReaders
}): Promise<CopyReading> => {
  const mupdf = await import('mupdf')
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    const image = await deskew({ image: renderCrop({ doc, pageIndex: 0, box: headerBox ? padBox(headerBox) : undefined }) })
    const reading = await readHeader({ image, labels: readers.labels, engines: readers.engines })
    return { copyKey, fields: reading.fields, lattices: reading.lattices }
  } finally {
    doc.destroy()
  }
}
