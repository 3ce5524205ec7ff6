// Annotations as a teacher leaves them on a copy: every kind of shared/annotations (validated with its own
// `annotationProblems`), spread over the pages, pen strokes of a realistic length.
import type { StoredAnnotation } from '../../shared/annotations'
import { ANNOTATION_KINDS, annotationProblems } from '../../shared/annotations/validate'

const COLORS = ['#d32f2f', '#1565c0', '#2e7d32']

export const annotationsForBurnIn = ({ pages, count }: { pages: number; count: number }): StoredAnnotation[] => {
  const out: StoredAnnotation[] = []
  for (let i = 0; i < count; i++) {
    const kind = ANNOTATION_KINDS[i % ANNOTATION_KINDS.length]!
    const page = (i % pages) + 1
    const x = 60 + ((i * 37) % 420)
    const y = 90 + ((i * 53) % 650)
    const style = { color: COLORS[i % COLORS.length]!, width: kind === 'highlighter' ? 12 : 2, opacity: kind === 'highlighter' ? 0.35 : 1 }
    let geometry: unknown
    let text = ''
    if (kind === 'pen' || kind === 'highlighter') {
      // 40 points, a hand-drawn underline or loop
      const points: number[] = []
      for (let k = 0; k < 40; k++) points.push(x + k * 3, y + 8 * Math.sin(k / 4) + (kind === 'pen' ? k % 3 : 0))
      geometry = { points }
    } else if (kind === 'rectangle' || kind === 'ellipse') geometry = { x, y, width: 120, height: 40 }
    else if (kind === 'text' || kind === 'comment') {
      geometry = { x, y, width: 160, fontSize: 11 }
      text = i % 2 ? 'Justifier ce passage : la réciproque du théorème ne s’applique pas ici.' : 'Très bien, méthode claire.'
    } else geometry = { x, y, size: 20 }
    const annotation = { kind, page, geometry, style, text, schemaVersion: 2 }
    const problems = annotationProblems(annotation)
    if (problems.length) throw new Error(`bench annotation ${i} is invalid: ${problems.join('; ')}`)
    out.push(annotation)
  }
  return out
}
