import { deskew, padBox, readHeader, renderCrop, type PointBox } from '../header/index'
import type { CopyReading } from '../match/index'
import type { LabelReader } from '../header/index'
import type { OcrEngine } from '../ocr/index'

export type HeaderReaders = { labels: LabelReader; engines: OcrEngine[] }

/**
 * Reads the handwritten header of a copy PDF's first page (already upright): the printed box found by
 * ingestion when there is one, the top band of the page otherwise. Returns the rendered crop and its
 * deskewed version too (what the desk shows, where the fields are for anonymization).
 */
export const readFramedPdf = async ({ pdf, headerBox, readers, dpi }: { pdf: Uint8Array; headerBox?: PointBox; readers: HeaderReaders; dpi?: number }) => {
  const mupdf = await import('mupdf')
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  let rendered, crop
  try {
    rendered = renderCrop({ doc, pageIndex: 0, box: headerBox ? padBox(headerBox) : undefined, dpi })
    crop = await deskew({ image: rendered })
  } finally {
    doc.destroy()
  }
  const reading = await readHeader({ image: crop, labels: readers.labels, engines: readers.engines })
  return { reading, rendered, crop }
}
