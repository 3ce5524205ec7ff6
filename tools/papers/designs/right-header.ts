import { labelLine } from './parts.js'
import type { Design } from './types.js'

/** An English test: the header on the right half ("Surname:", "First name:", "Class:"), a mark box on the left. Held out. */
export const rightHeader: Design = {
  id: 'right-header',
  tuned: false,
  description: 'header on the right half with English labels ("Surname:", "First name:", "Class:"), a mark box on the left',
  printedExercises: true,
  paper: 'plain',
  typeface: 'serif',
  english: true,
  header: ({ p, exam }) => {
    p.rect({ x: 40, y: 30, width: 110, height: 70, border: 1.2 })
    p.text('Mark', { x: 48, y: 46, size: 11, face: 'serifBold' })
    p.text('/20', { x: 118, y: 92, size: 11, face: 'serif' })
    p.text('Comments:', { x: 170, y: 46, size: 10, face: 'serifItalic' })
    const slots = [
      labelLine({ p, field: 'last_name', label: 'Surname:', x: 330, y: 44, end: 560, size: 11, face: 'serif' }),
      labelLine({ p, field: 'first_name', label: 'First name:', x: 330, y: 70, end: 560, size: 11, face: 'serif' }),
      labelLine({ p, field: 'class', label: 'Class:', x: 330, y: 96, end: 470, size: 11, face: 'serif' }),
    ]
    p.centered(exam.title, { cx: 297.5, y: 138, size: 16, face: 'serifBold' })
    p.centered(exam.info, { cx: 297.5, y: 156, size: 10, face: 'serifItalic' })
    return { slots, bottom: 170, titled: true }
  },
}
