import { PDFDocument, StandardFonts } from 'pdf-lib'
import { FREE_PAGE_NUMBER, printedFolio } from '../designs/parts.js'
import type { Design, ExamInfo, HeaderLayout, PageNumberSpot } from '../designs/types.js'
import { A4, MM } from '../geometry.js'
import { createPrinter, type PrintFonts, type Printer } from '../print/printer.js'
import { drawAnswerLines, drawExamRules, drawLined, drawSeyes, type WritingLines } from '../print/rulings.js'
import { drawFigure, drawTable } from './figures.js'

/** One page of the blank subject and where a student may write on it. */
export type SubjectPage = {
  /** 1-based */
  number: number
  header?: HeaderLayout
  /** answer areas, in reading order */
  areas: WritingLines[]
  pageNumber: PageNumberSpot
}

export type Subject = { design: Design; exam: ExamInfo; pages: SubjectPage[]; bytes: Uint8Array }

export const embedPrintFonts = async (doc: PDFDocument): Promise<PrintFonts> => ({
  sans: await doc.embedFont(StandardFonts.Helvetica),
  sansBold: await doc.embedFont(StandardFonts.HelveticaBold),
  serif: await doc.embedFont(StandardFonts.TimesRoman),
  serifBold: await doc.embedFont(StandardFonts.TimesRomanBold),
  serifItalic: await doc.embedFont(StandardFonts.TimesRomanItalic),
  mono: await doc.embedFont(StandardFonts.Courier),
})

const wrap = (p: Printer, text: string, size: number, face: keyof PrintFonts, width: number): string[] => {
  const out: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (line && p.width(next, size, face) > width) {
      out.push(line)
      line = word
    } else line = next
  }
  if (line) out.push(line)
  return out
}

/** Draws page `number` of the subject (the design's header on page 1) and returns its layout. */
export const drawSubjectPage = ({ p, design, exam, number, total }: { p: Printer; design: Design; exam: ExamInfo; number: number; total: number }): SubjectPage => {
  const face = design.typeface
  const bold = face === 'sans' ? 'sansBold' : 'serifBold'
  const furniture = design.furniture?.({ p, exam, page: number })
  const limit = furniture?.bottom ?? A4.height - 40
  const areas: WritingLines[] = []
  let header: HeaderLayout | undefined
  if (design.paper === 'seyes' && !design.printedExercises) {
    // ruled first: the header (if any) is written over the rules
    areas.push(drawSeyes({ p, top: 12 * MM }))
    if (number === 1) header = design.header({ p, exam })
    if (header) areas[0] = { ...areas[0]!, baselines: areas[0]!.baselines.filter((y) => y > (header!.extras?.length ? 12 * MM + 6 * 22.68 : 12 * MM + 4 * 22.68)) }
    return { number, header, areas, pageNumber: furniture?.pageNumber ?? FREE_PAGE_NUMBER }
  }
  if (number === 1) header = design.header({ p, exam })
  let y = header ? header.bottom : 40
  if (!design.printedExercises) {
    if (design.paper === 'exam-rules') areas.push(drawExamRules({ p, top: number === 1 ? y : 14 * MM, bottom: limit }))
    else if (design.paper === 'lined') areas.push(drawLined({ p, top: y + 20, bottom: limit }))
    return { number, header, areas, pageNumber: furniture?.pageNumber ?? FREE_PAGE_NUMBER }
  }
  const exercises = exam.discipline.exercises
  const ex = exercises[(number - 1) % exercises.length]!
  const left = 48
  const width = A4.width - 2 * left
  y += 18
  p.text(ex.heading, { x: left, y, size: 11.5, face: bold })
  y += 6
  for (const line of ex.lines) {
    for (const l of wrap(p, line, 10.5, face, width)) {
      y += 15
      p.text(l, { x: left, y, size: 10.5, face })
    }
  }
  y += 12
  if (ex.table) y += drawTable({ p, rows: ex.table, x: left, y, width, face, bold }) + 12
  if (ex.figure) {
    const h = Math.min(170, (limit - y) * 0.45)
    drawFigure({ p, figure: ex.figure, x: left, y, width, height: h, face })
    y += h + 10
  }
  const room = limit - y - 30
  if (ex.answer === 'box' && room > 80) {
    p.rect({ x: left, y, width, height: room, border: 0.9 })
    p.text(design.english ? 'Answer:' : 'Réponse :', { x: left + 5, y: y + 12, size: 8.5, face: bold })
    const baselines: number[] = []
    for (let b = y + 34; b < y + room - 6; b += 24) baselines.push(b)
    areas.push({ left: left + 10, right: left + width - 10, baselines })
  } else if (room > 24) {
    areas.push(drawAnswerLines({ p, top: y - 6, count: Math.floor(room / 24), left, right: left + width, style: design.paper === 'lined' ? 'rule' : 'dotted' }))
  }
  if (total > 1) printedFolio({ p, page: number, pages: total, face })
  return { number, header, areas, pageNumber: furniture?.pageNumber ?? FREE_PAGE_NUMBER }
}

/** The teacher's blank original: A4 pages in reading order, vector. */
export const buildSubject = async ({ design, exam, pageCount }: { design: Design; exam: ExamInfo; pageCount: number }): Promise<Subject> => {
  const doc = await PDFDocument.create({ updateMetadata: false })
  const fonts = await embedPrintFonts(doc)
  const pages: SubjectPage[] = []
  for (let n = 1; n <= pageCount; n++) {
    const page = doc.addPage([A4.width, A4.height])
    pages.push(drawSubjectPage({ p: createPrinter({ page, ox: 0, fonts }), design, exam, number: n, total: pageCount }))
  }
  doc.setTitle(exam.title)
  return { design, exam, pages, bytes: await doc.save() }
}

/** Loose sheets a student adds (not in the subject): a Seyès "copie simple" or a lined sheet. */
export const drawLooseSheet = ({ p, kind }: { p: Printer; kind: 'seyes' | 'lined' }): WritingLines =>
  kind === 'seyes' ? drawSeyes({ p, top: 12 * MM }) : drawLined({ p, top: 50 })
