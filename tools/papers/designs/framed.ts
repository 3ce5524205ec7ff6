import { labelLine } from './parts.js'
import type { Design } from './types.js'

/** The first generator's header: a framed box with NOM / Prénom / Classe on dotted lines and a "Note" box, the title above. */
export const framed: Design = {
  id: 'framed',
  tuned: true,
  description: 'framed box: NOM / Prénom / Classe on dotted lines, a Note box inside, the title above',
  printedExercises: true,
  paper: 'lined',
  typeface: 'sans',
  header: ({ p, exam }) => {
    p.centered(exam.title, { cx: 297.5, y: 30, size: 13, face: 'sansBold' })
    p.rect({ x: 36, y: 47, width: 523, height: 95, border: 1.8 })
    p.rect({ x: 430, y: 55, width: 120, height: 79, border: 1 })
    p.text('Note :', { x: 438, y: 68, size: 10 })
    const slots = [
      labelLine({ p, field: 'last_name', label: 'NOM :', x: 48, y: 70, end: 415 }),
      labelLine({ p, field: 'first_name', label: 'Prénom :', x: 48, y: 94, end: 415 }),
      labelLine({ p, field: 'class', label: 'Classe :', x: 48, y: 118, end: 415 }),
    ]
    return { slots, bottom: 160, titled: true }
  },
}
