import { labelLine } from './parts.js'
import type { Design } from './types.js'

/** The everyday teacher's header: one "Nom et prénom" line and a "Classe" line, an "Appréciation" box, the title below. */
export const oneLine: Design = {
  id: 'one-line',
  tuned: true,
  description: '"Nom et prénom : ______" and "Classe : ____" on the left, an "Appréciation" box on the right, the title below',
  printedExercises: true,
  paper: 'plain',
  typeface: 'serif',
  header: ({ p, exam }) => {
    p.text(exam.school, { x: 40, y: 34, size: 9, face: 'serifItalic' })
    const slots = [
      labelLine({ p, field: 'full_name', label: 'Nom et prénom :', x: 40, y: 66, end: 340, size: 12, face: 'serif', dash: null }),
      labelLine({ p, field: 'class', label: 'Classe :', x: 40, y: 96, end: 200, size: 12, face: 'serif', dash: null }),
    ]
    p.rect({ x: 370, y: 40, width: 185, height: 78, border: 1 })
    p.text('Appréciation :', { x: 378, y: 55, size: 10, face: 'serifBold' })
    p.text('/ 20', { x: 520, y: 110, size: 10, face: 'serif' })
    p.centered(exam.title, { cx: 297.5, y: 150, size: 15, face: 'serifBold' })
    const tw = p.width(exam.title, 15, 'serifBold')
    p.line({ x1: 297.5 - tw / 2, y1: 154, x2: 297.5 + tw / 2, y2: 154, thickness: 0.8 })
    p.centered(exam.info, { cx: 297.5, y: 172, size: 10, face: 'serifItalic' })
    return { slots, bottom: 188, titled: true }
  },
}
