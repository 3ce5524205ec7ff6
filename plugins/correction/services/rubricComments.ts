import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { RUBRIC_ITEMS_SLUG } from '../collections/rubric-items'

type GradeLike = { comment?: string | null; rubricItems?: unknown[] | null }

const signed = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '')

/**
 * What a student reads under a question: the applied rubric items as they are now ("−1 Unité oubliée"),
 * then the teacher's own comment. Read at render time, so an item's corrected text reaches every copy.
 */
export const withRubricTexts = async <G extends GradeLike>({ payload, grades }: { payload: Payload; grades: G[] }): Promise<G[]> => {
  const ids = [...new Set(grades.flatMap((g) => (g.rubricItems ?? []).map((i) => String(idOf(i)))))]
  if (!ids.length) return grades
  const found = await payload.find({ collection: RUBRIC_ITEMS_SLUG as never, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true })
  const byId = new Map((found.docs as unknown as { id: Id; points: number; text: string }[]).map((i) => [String(i.id), i]))
  return grades.map((g) => {
    const lines = (g.rubricItems ?? []).flatMap((i) => {
      const item = byId.get(String(idOf(i)))
      return item ? [[signed(item.points), item.text].filter(Boolean).join(' ')] : []
    })
    return lines.length ? { ...g, comment: [...lines, g.comment].filter(Boolean).join('\n') } : g
  })
}
