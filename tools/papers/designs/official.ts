import { rgb } from 'pdf-lib'
import { MM } from '../geometry.js'
import { boundsOf, cellRow } from './parts.js'
import type { Design, Slot } from './types.js'

const SHADE = rgb(0.9, 0.9, 0.9)

/**
 * The French official exam sheet, drawn from its public description (modèle CCYC ©DNE): a shaded
 * identity frame where the candidate writes NOM DE FAMILLE and PRÉNOM(S) in capitals, one letter per
 * printed cell, the candidate number in cells and the date of birth in cells JJ / MM / AAAA; a lower frame
 * for the exam and the mark; a footer box on every page for "page / nombre total de pages".
 */
export const official: Design = {
  id: 'official',
  tuned: true,
  description: 'official exam sheet (CCYC ©DNE style): capitals one per cell for NOM DE FAMILLE, PRÉNOM(S), N° candidat, Né(e) le JJ/MM/AAAA; page footer "n / N"',
  printedExercises: false,
  paper: 'exam-rules',
  typeface: 'sans',
  header: ({ p, exam }) => {
    const left = 12 * MM
    const right = 595 - 12 * MM
    p.rect({ x: left, y: 18, width: right - left, height: 146, border: 1.1, fill: SHADE })
    p.text('Modèle CCYC : ©DNE', { x: left + 4, y: 28, size: 6.5, face: 'sansBold' })
    p.text('RÉPUBLIQUE', { x: left + 6, y: 48, size: 7, face: 'sansBold' })
    p.text('FRANÇAISE', { x: left + 6, y: 56, size: 7, face: 'sansBold' })
    p.text('Liberté', { x: left + 6, y: 66, size: 5.5, face: 'serifItalic' })
    p.text('Égalité', { x: left + 6, y: 72, size: 5.5, face: 'serifItalic' })
    p.text('Fraternité', { x: left + 6, y: 78, size: 5.5, face: 'serifItalic' })
    const cx = left + 140
    const slots: Slot[] = []
    const rowOfCells = (field: Slot['field'], label: string, sub: string, y: number, count: number) => {
      p.text(label, { x: left + 58, y: y + 11, size: 7.5, face: 'sansBold' })
      if (sub) p.text(sub, { x: left + 58, y: y + 18, size: 5.5, face: 'sans' })
      const cells = cellRow({ p, x: cx, y, count, w: 12.6, h: 16, fill: true })
      slots.push({ field, printed: boundsOf([{ x: left + 56, y: y - 1, width: 4, height: 18 }, ...cells]), write: { kind: 'cells', cells } })
    }
    rowOfCells('last_name', 'NOM DE FAMILLE', '(naissance) en majuscules', 34, 30)
    rowOfCells('first_name', 'PRÉNOM(S)', 'en majuscules', 58, 30)
    // candidate number and date of birth share a row
    p.text('N° candidat :', { x: left + 58, y: 93, size: 7.5, face: 'sansBold' })
    const cand = cellRow({ p, x: cx, y: 82, count: 10, w: 12.6, h: 16, fill: true })
    slots.push({ field: 'candidate_number', printed: boundsOf([{ x: left + 56, y: 81, width: 4, height: 18 }, ...cand]), write: { kind: 'cells', cells: cand } })
    p.text("N° d'inscription :", { x: cx + 140, y: 93, size: 7.5, face: 'sansBold' })
    cellRow({ p, x: cx + 210, y: 82, count: 11, w: 12.6, h: 16, fill: true })
    p.text('Né(e) le :', { x: left + 58, y: 117, size: 7.5, face: 'sansBold' })
    const dd = cellRow({ p, x: cx, y: 106, count: 2, w: 12.6, h: 16, fill: true })
    p.text('/', { x: cx + 28, y: 118, size: 10 })
    const mm = cellRow({ p, x: cx + 36, y: 106, count: 2, w: 12.6, h: 16, fill: true })
    p.text('/', { x: cx + 64, y: 118, size: 10 })
    const yyyy = cellRow({ p, x: cx + 72, y: 106, count: 4, w: 12.6, h: 16, fill: true })
    p.text('JJ', { x: cx + 7, y: 129, size: 5.5 })
    p.text('MM', { x: cx + 42, y: 129, size: 5.5 })
    p.text('AAAA', { x: cx + 88, y: 129, size: 5.5 })
    slots.push({ field: 'dob', printed: boundsOf([{ x: left + 56, y: 105, width: 4, height: 26 }, ...dd, ...mm, ...yyyy]), write: { kind: 'cells', cells: [...dd, ...mm, ...yyyy] } })
    p.text('(Les numéros figurent sur la convocation.)', { x: cx + 140, y: 117, size: 6.5, face: 'sans' })
    p.text('1.1', { x: right - 14, y: 160, size: 6.5 })
    // the lower frame: exam, session, mark; the candidate fills the exam's name by hand
    p.rect({ x: left, y: 172, width: right - left, height: 62, border: 1.1 })
    p.text('Épreuve de :', { x: left + 8, y: 190, size: 8, face: 'sansBold' })
    p.line({ x1: left + 60, y1: 192, x2: left + 280, y2: 192, thickness: 0.4, dash: [1, 2] })
    p.text('Session :', { x: left + 8, y: 210, size: 8, face: 'sansBold' })
    p.text(exam.session, { x: left + 50, y: 210, size: 8 })
    p.rect({ x: right - 120, y: 180, width: 110, height: 46, border: 0.9 })
    p.text('Note :', { x: right - 114, y: 192, size: 8, face: 'sansBold' })
    p.text('/ 20', { x: right - 40, y: 220, size: 9 })
    p.text('Appréciation du correcteur :', { x: left + 290, y: 190, size: 7, face: 'sans' })
    p.text('Il est interdit aux candidats de signer leur copie ou d\'y porter un signe distinctif.', { x: left + 8, y: 229, size: 6.5, face: 'sans' })
    return { slots, bottom: 242, titled: true, extras: [{ x: left + 66, y: 190, width: 210, text: (e) => e.discipline.titles[0]!.split(' — ').pop()!.replace(/^.*: /, '') }] }
  },
  furniture: ({ p }) => {
    // the footer box on every page: "page / total"
    const y = 842 - 14 * MM
    const x = 595 - 68 * MM
    p.rect({ x, y, width: 56 * MM, height: 10 * MM, border: 0.8 })
    const n = cellRow({ p, x: x + 8, y: y + 4, count: 2, w: 11, h: 14 })
    p.text('/', { x: x + 36, y: y + 15, size: 10 })
    const total = cellRow({ p, x: x + 44, y: y + 4, count: 2, w: 11, h: 14 })
    p.text('page', { x: x + 72, y: y + 10, size: 6 })
    p.text('nombre total de pages', { x: x + 72, y: y + 18, size: 6 })
    return { pageNumber: { kind: 'cells', n, total }, bottom: y - 6 }
  },
}
