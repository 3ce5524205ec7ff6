import { rgb } from 'pdf-lib'
import { labelLine } from './parts.js'
import type { Design } from './types.js'

/** Two columns of labels under a grey band: "Nom :" / "Prénom :" on the left, "Classe :" / "Date :" on the right. */
export const twoColumn: Design = {
  id: 'two-column',
  tuned: true,
  description: 'left column "Nom :" / "Prénom :", right column "Classe :" / "Date :", under a grey band with the school and the subject',
  printedExercises: true,
  paper: 'plain',
  typeface: 'sans',
  header: ({ p, exam }) => {
    p.rect({ x: 30, y: 22, width: 535, height: 22, border: 0, fill: rgb(0.82, 0.82, 0.82) })
    p.text(exam.school, { x: 38, y: 37, size: 10, face: 'sansBold' })
    const disc = exam.discipline.id.toUpperCase()
    p.text(disc, { x: 557 - p.width(disc, 10, 'sansBold'), y: 37, size: 10, face: 'sansBold' })
    const slots = [
      labelLine({ p, field: 'last_name', label: 'Nom :', x: 38, y: 72, end: 290, size: 11 }),
      labelLine({ p, field: 'first_name', label: 'Prénom :', x: 38, y: 98, end: 290, size: 11 }),
      labelLine({ p, field: 'class', label: 'Classe :', x: 320, y: 72, end: 557, size: 11 }),
    ]
    const date = labelLine({ p, field: 'class', label: 'Date :', x: 320, y: 98, end: 557, size: 11 })
    p.line({ x1: 305, y1: 54, x2: 305, y2: 108, thickness: 0.6, color: rgb(0.5, 0.5, 0.5) })
    p.rect({ x: 30, y: 114, width: 535, height: 30, border: 1 })
    p.centered(exam.title, { cx: 297.5, y: 134, size: 13, face: 'sansBold' })
    return {
      slots,
      bottom: 160,
      titled: true,
      extras: [{ x: date.write.kind === 'line' ? date.write.x : 0, y: 98, width: 120, text: (e) => e.date }],
    }
  },
}
