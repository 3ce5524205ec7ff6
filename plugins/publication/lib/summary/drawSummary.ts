import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib'

import type { Fonts } from '../fonts'
import { printable, wrapText } from '../text'
import type { RenderLocale } from '../types'
import { SUMMARY_LABELS } from './labels'
import type { Summary } from './summaryRows'

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 50
const GREY = rgb(0.35, 0.35, 0.35)
const RULE = rgb(0.8, 0.8, 0.8)

type Cursor = { page: PDFPage; y: number }

/** One or more A4 pages at the end of the copy: the grades per question with comments, the total, who and what. */
export const drawSummary = ({
  doc,
  fonts,
  summary,
  examTitle,
  studentName,
  anonymousId,
  locale,
}: {
  doc: PDFDocument
  fonts: Fonts
  summary: Summary
  examTitle: string
  studentName?: string | null
  anonymousId?: string | null
  locale: RenderLocale
}): number => {
  const t = SUMMARY_LABELS[locale]
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })
  const contentWidth = A4.width - 2 * MARGIN
  let pages = 1
  const cursor: Cursor = { page: doc.addPage([A4.width, A4.height]), y: A4.height - MARGIN }
  const ensure = (height: number) => {
    if (cursor.y - height >= MARGIN) return
    cursor.page = doc.addPage([A4.width, A4.height])
    cursor.y = A4.height - MARGIN
    pages++
  }
  const line = ({ text, font, size, x = MARGIN, color = rgb(0, 0, 0), width = contentWidth }: { text: string; font: PDFFont; size: number; x?: number; color?: ReturnType<typeof rgb>; width?: number }) => {
    for (const l of wrapText({ text: printable({ text, font }), font, size, width })) {
      ensure(size * 1.3)
      cursor.y -= size * 1.3
      cursor.page.drawText(l, { x, y: cursor.y, size, font, color })
    }
  }
  const right = ({ text, font, size, xRight }: { text: string; font: PDFFont; size: number; xRight: number }) =>
    cursor.page.drawText(text, { x: xRight - font.widthOfTextAtSize(text, size), y: cursor.y, size, font })

  line({ text: t.heading, font: fonts.bold, size: 18 })
  line({ text: examTitle, font: fonts.bold, size: 14 })
  if (studentName) line({ text: `${t.student}${locale === 'fr' ? ' : ' : ': '}${studentName}`, font: fonts.regular, size: 12 })
  if (anonymousId) line({ text: `${t.copy} ${anonymousId}`, font: fonts.regular, size: 10, color: GREY })
  cursor.y -= 14

  const pointsRight = A4.width - MARGIN
  line({ text: t.question, font: fonts.bold, size: 11 })
  right({ text: t.points, font: fonts.bold, size: 11, xRight: pointsRight })
  for (const row of summary.rows) {
    ensure(30)
    cursor.y -= 6
    cursor.page.drawLine({ start: { x: MARGIN, y: cursor.y }, end: { x: A4.width - MARGIN, y: cursor.y }, thickness: 0.5, color: RULE })
    line({ text: row.label, font: fonts.regular, size: 11, width: contentWidth - 90 })
    const points = row.points === undefined ? t.notGraded : number.format(row.points)
    right({ text: `${points} / ${number.format(row.maxPoints)}`, font: fonts.regular, size: 11, xRight: pointsRight })
    if (row.comment) line({ text: row.comment, font: fonts.regular, size: 9.5, x: MARGIN + 12, color: GREY, width: contentWidth - 12 })
  }
  ensure(50)
  cursor.y -= 8
  cursor.page.drawLine({ start: { x: MARGIN, y: cursor.y }, end: { x: A4.width - MARGIN, y: cursor.y }, thickness: 1, color: rgb(0, 0, 0) })
  line({ text: t.total, font: fonts.bold, size: 13 })
  right({ text: `${number.format(summary.total)} / ${number.format(summary.maxTotal)}`, font: fonts.bold, size: 13, xRight: pointsRight })
  if (summary.outOf20 !== undefined && summary.maxTotal !== 20) {
    line({ text: t.outOf20, font: fonts.regular, size: 11 })
    right({ text: `${number.format(summary.outOf20)} / 20`, font: fonts.regular, size: 11, xRight: pointsRight })
  }
  return pages
}
