import { rgb } from 'pdf-lib'
import { boundsOf, cellRow } from './parts.js'
import type { Design, Slot } from './types.js'

/**
 * "ANNEXE — à rendre avec la copie": a document to complete, scanned apart from the copies, with its own
 * identity boxes (Nom de famille, Prénom(s), Numéro d'inscription in cells, Né(e) le).
 */
export const annex: Design = {
  id: 'annex',
  tuned: true,
  description: '"ANNEXE — à rendre avec la copie" with boxes Nom de famille, Prénom(s), Numéro d\'inscription (cells), Né(e) le',
  printedExercises: true,
  paper: 'plain',
  typeface: 'sans',
  header: ({ p, exam }) => {
    p.centered('ANNEXE — à rendre avec la copie', { cx: 297.5, y: 36, size: 15, face: 'sansBold' })
    p.centered(exam.title, { cx: 297.5, y: 54, size: 10, face: 'sans' })
    const slots: Slot[] = []
    const box = (field: Slot['field'], label: string, x: number, y: number, width: number) => {
      p.text(label, { x: x + 4, y: y + 10, size: 8, face: 'sansBold' })
      p.rect({ x, y, width, height: 34, border: 1 })
      slots.push({ field, printed: { x, y, width, height: 34 }, write: { kind: 'line', x: x + 10, y: y + 29, width: width - 20 } })
    }
    box('last_name', 'Nom de famille', 40, 66, 300)
    box('first_name', 'Prénom(s)', 350, 66, 205)
    p.text("Numéro d'inscription", { x: 44, y: 124, size: 8, face: 'sansBold' })
    const cells = cellRow({ p, x: 40, y: 128, count: 12, w: 14, h: 18 })
    slots.push({ field: 'candidate_number', printed: boundsOf([{ x: 40, y: 114, width: 100, height: 14 }, ...cells]), write: { kind: 'cells', cells } })
    box('dob', 'Né(e) le', 350, 112, 205)
    p.line({ x1: 40, y1: 160, x2: 555, y2: 160, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) })
    return { slots, bottom: 170, titled: true }
  },
}
