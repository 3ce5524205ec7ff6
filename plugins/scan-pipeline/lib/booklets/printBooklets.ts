import { PDFDocument, rgb, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib'

import { embedFonts, type Fonts } from '../../../publication/lib/fonts'
import { bookletPageCount, bookletSides } from '../qr/imposition'
import { encodeBookletCode } from '../qr/payload'
import { codeSizePt, drawCode } from './qrDrawing'

export type BookletLayout = 'a4' | 'a3'
export type BookletCopy = { copyNo: number; student?: { lastName: string; firstName: string } }

const A4 = { width: 595.28, height: 841.89 }
const MM = 72 / 25.4
/** The band above the subject that holds the code and the name: the subject is scaled into the rest of the page. */
const BAND = 34 * MM
const MARGIN = 8 * MM

export class BookletPrintError extends Error {
  readonly status = 400
  readonly code = 'booklets_unprintable'
}

type Sources = { subject: PDFEmbeddedPage[]; fonts: Fonts; examId: string | number; title: string }

/** One A4 page of one copy, drawn at horizontal offset `dx` of `page` (0 on an A4 sheet, 0 or A4 width on an A3 one). */
const drawBookletPage = ({ page, dx, copy, pageNo, pageCount, sources }: { page: PDFPage; dx: number; copy: BookletCopy; pageNo: number; pageCount: number; sources: Sources }) => {
  const { subject, fonts, examId, title } = sources
  const background = subject[pageNo - 1]
  if (background) {
    // Scaled into the page below the band, centred: the subject's own print is never covered.
    const scale = Math.min(A4.width / background.width, (A4.height - BAND) / background.height)
    const width = background.width * scale
    page.drawPage(background, { x: dx + (A4.width - width) / 2, y: 0, width, height: background.height * scale })
  }
  const text = encodeBookletCode({ examId, copyNo: copy.copyNo, pageNo, pageCount })
  const side = codeSizePt(text)
  drawCode({ page, text, x: dx + A4.width - MARGIN - side, top: A4.height - MARGIN / 2 })
  const left = dx + MARGIN * 1.5
  const top = A4.height - MARGIN - 10
  page.drawText(`${title} — n° ${copy.copyNo} — page ${pageNo}/${pageCount}`, { x: left, y: top, size: 8, font: fonts.regular, color: rgb(0.3, 0.3, 0.3) })
  if (copy.student) {
    page.drawText(`${copy.student.lastName.toUpperCase()} ${copy.student.firstName}`, { x: left, y: top - 24, size: 16, font: fonts.bold })
    return
  }
  // No roster: boxes a student fills in, read by the identification like any handwritten header.
  const boxWidth = A4.width - 2 * MARGIN - side - 70
  for (const [i, label] of ['Nom :', 'Prénom :'].entries()) {
    const y = top - 26 - i * 26
    page.drawText(label, { x: left, y: y + 6, size: 11, font: fonts.regular })
    page.drawRectangle({ x: left + 58, y, width: boxWidth, height: 20, borderColor: rgb(0, 0, 0), borderWidth: 0.8 })
  }
}

/**
 * A print-ready PDF of prepared booklets: each copy's pages, the exam's subject as background, a QR code on
 * every page (exam, copy, page) and the student's name when the roster is known. `a4`: one A4 page per
 * booklet page, copies one after the other (print recto-verso). `a3`: A3 sheets imposed to be folded into
 * a booklet (page count rounded up to a multiple of 4); every A4 half carries its own code.
 */
export const printBooklets = async ({
  examId,
  title,
  subject,
  pageCount,
  copies,
  layout = 'a4',
}: {
  examId: string | number
  title: string
  /** the exam's blank subject PDF: its pages are the booklet's pages */
  subject?: Uint8Array
  /** booklet pages when there is no subject (blank pages with their codes), at least the subject's */
  pageCount?: number
  copies: BookletCopy[]
  layout?: BookletLayout
}): Promise<Uint8Array> => {
  if (copies.length === 0) throw new BookletPrintError('no copies to print: give a number of copies or a class list')
  const doc = await PDFDocument.create()
  let subjectPages: PDFEmbeddedPage[] = []
  if (subject) {
    let source: PDFDocument
    try {
      source = await PDFDocument.load(subject, { ignoreEncryption: false })
    } catch (error) {
      throw new BookletPrintError(`the exam's blank subject cannot be read as a PDF (${(error as Error).message})`)
    }
    subjectPages = await doc.embedPages(source.getPages())
  }
  const pages = Math.max(subjectPages.length, pageCount ?? 0)
  if (pages === 0) throw new BookletPrintError("the exam has neither a blank subject nor a number of pages per copy: attach the subject or set pages per copy")
  const sources: Sources = { subject: subjectPages, fonts: await embedFonts(doc), examId, title }
  for (const copy of copies) {
    if (layout === 'a4') {
      for (let pageNo = 1; pageNo <= pages; pageNo++) drawBookletPage({ page: doc.addPage([A4.width, A4.height]), dx: 0, copy, pageNo, pageCount: pages, sources })
      continue
    }
    const total = bookletPageCount(pages)
    for (const { left, right } of bookletSides(pages)) {
      const sheet = doc.addPage([2 * A4.width, A4.height])
      drawBookletPage({ page: sheet, dx: 0, copy, pageNo: left, pageCount: total, sources })
      drawBookletPage({ page: sheet, dx: A4.width, copy, pageNo: right, pageCount: total, sources })
    }
  }
  return doc.save()
}
