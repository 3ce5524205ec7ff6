import { rgb } from 'pdf-lib'
import type { Design, Slot } from './types.js'

/**
 * A small framed box in the top-right corner with "Nom :" / "Prénom :" (or a single "Élève :") and the
 * title on the left. Held out: never used for tuning.
 */
export const cornerBox: Design = {
  id: 'corner-box',
  tuned: false,
  description: 'small box in the top-right corner: "Nom :" / "Prénom :" or "Élève :", the title on the left',
  printedExercises: true,
  paper: 'plain',
  typeface: 'sans',
  header: ({ p, exam }) => {
    const single = exam.variant < 0.4
    const box = { x: 365, y: 24, width: 205, height: single ? 52 : 66 }
    p.rect({ ...box, border: 0.9 })
    const slots: Slot[] = []
    const row = (field: Slot['field'], label: string, y: number) => {
      const w = p.text(label, { x: box.x + 6, y, size: 9.5 })
      slots.push({ field, printed: { x: box.x + 2, y: y - 12, width: box.width - 4, height: 20 }, write: { kind: 'line', x: box.x + 12 + w, y: y + 1, width: box.width - w - 18 } })
    }
    if (single) {
      row('full_name', 'Élève :', box.y + 18)
      row('class', 'Classe :', box.y + 40)
    } else {
      row('last_name', 'Nom :', box.y + 18)
      row('first_name', 'Prénom :', box.y + 38)
      row('class', 'Classe :', box.y + 58)
    }
    p.text(exam.school.toUpperCase(), { x: 28, y: 34, size: 8, face: 'sansBold', color: rgb(0.3, 0.3, 0.3) })
    const words = exam.title.split(' — ')
    p.text(words[0]!, { x: 28, y: 56, size: 14, face: 'sansBold' })
    if (words[1]) p.text(words[1], { x: 28, y: 74, size: 12, face: 'sans' })
    p.text(exam.info, { x: 28, y: 92, size: 9, face: 'sans', color: rgb(0.25, 0.25, 0.25) })
    p.line({ x1: 28, y1: 104, x2: 567, y2: 104, thickness: 1.2 })
    return { slots, bottom: 112, titled: true }
  },
}
