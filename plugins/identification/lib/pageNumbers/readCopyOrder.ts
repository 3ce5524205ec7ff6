import * as mupdf from 'mupdf'

import { renderPageImage } from '../fields/page'
import type { OcrEngine } from '../ocr/types'
import { decodeCopyNumbers } from './decode'
import type { FooterForm } from './footer'
import { orderByWrittenNumbers, type PageOrder } from './order'
import type { WrittenNumber } from './parse'
import { scorePageNumber } from './readPageNumber'

export type CopyWrittenOrder = { numbers: (WrittenNumber | undefined)[]; order?: PageOrder }

/**
 * The numbers a student wrote on a copy's pages and the order they give. `footers[i]` is the printed
 * footer of page i's paper (none for paper without a page-number box, an annex, a loose sheet): such
 * pages and blank ones are not read and keep their place after the page they followed. `sheets[i]`
 * names the folded sheet page i is on (its pages numbered one after the other), `sides[i]` the scanned
 * side.
 */
export const readCopyOrder = async ({ pdf, footers, blank, sheets, sides, engines }: { pdf: Uint8Array; footers: (FooterForm | undefined)[]; blank: boolean[]; sheets?: (string | undefined)[]; sides?: (string | undefined)[]; engines: OcrEngine[] }): Promise<CopyWrittenOrder> => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    const scores = []
    for (let index = 0; index < doc.countPages(); index++) {
      const footer = footers[index]
      scores.push(footer && !blank[index] ? await scorePageNumber({ page: renderPageImage({ doc, index }), footer, engines }) : undefined)
    }
    const numbers = decodeCopyNumbers(scores, { sheetOf: sheets ?? [], sideOf: sides ?? [] })
    return { numbers, order: orderByWrittenNumbers(numbers.map((written, i) => ({ written, blank: blank[i], sheet: sheets?.[i] }))) }
  } finally {
    doc.destroy()
  }
}
