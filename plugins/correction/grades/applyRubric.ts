import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import type { ScaleQuestion } from '../../../collections/grading-scale'
import { copyForMarking, examScale } from '../../../collections/hooks/marking-reads'
import { isSystemWrite } from '../../../collections/hooks/system-write'
import { idOf } from '../../../collections/relations'
import { languageOf } from '../../../collections/grade-messages'
import { BadRequestError } from '../../../runtime/errors'
import { rubricMessage } from '../lib/rubricMessages'
import { adjustmentFor, rubricPoints } from '../lib/rubric'
import { RUBRIC_ITEMS_SLUG } from '../collections/rubric-items'

const idsOf = (list: unknown): Id[] => (Array.isArray(list) ? list.map((v) => idOf(v)!).filter((v) => v !== undefined) : [])

type Item = { id: Id; exam: unknown; questionKey: string; points: number }

const loadItems = async ({ ids, req }: { ids: Id[]; req: PayloadRequest }): Promise<Item[]> => {
  if (!ids.length) return []
  const found = await req.payload.find({ collection: RUBRIC_ITEMS_SLUG as never, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
  return found.docs as unknown as Item[]
}

const questionOf = async ({ copy, questionKey, req }: { copy: unknown; questionKey: string; req: PayloadRequest }) => {
  const copyDoc = await copyForMarking({ id: idOf(copy)!, req })
  if (!copyDoc) return undefined
  const scale = await examScale({ id: copyDoc.exam, req })
  return { examId: copyDoc.exam, question: scale.find((q) => q.key === questionKey) }
}

/**
 * A grade with rubric items gets its points from them, here, on the server: a write that sends the items
 * (applying or removing one, or the server re-reading an item whose points changed) recomputes the points
 * with the grade's adjustment; a write that sends typed points on such a grade keeps them and stores the
 * adjustment they imply, so a later change of an item moves the mark by exactly that change. Runs before the
 * core grade hook, which then checks the points against the scale as for any mark.
 */
export const applyRubric: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const before = idsOf(originalDoc?.rubricItems)
  const given = data.rubricItems === undefined || data.rubricItems === null ? before : idsOf(data.rubricItems)
  // Payload hands an update the stored list when the client sent none: only a different list is a change.
  const changed = given.map(String).join() !== before.map(String).join()
  // The server's rewrite after an item's points changed sends the same list: recompute all the same.
  const recompute = changed || (isSystemWrite(req) && given.length > 0)
  const typed = typeof data.points === 'number' && data.points !== originalDoc?.points
  // A grade that never had items is an ordinary mark.
  if (!given.length && !changed) return data
  if (!recompute && !typed) return data
  const merged = { ...originalDoc, ...data }
  const found = await questionOf({ copy: merged.copy, questionKey: merged.questionKey, req })
  // The core hook refuses a missing copy or a question off the scale with the right words.
  if (!found?.question) return data
  const items = await loadItems({ ids: given, req })
  const foreign = given.filter((id) => {
    const item = items.find((i) => String(i.id) === String(id))
    return !item || String(idOf(item.exam)) !== String(found.examId) || item.questionKey !== merged.questionKey
  })
  if (foreign.length) throw new BadRequestError(rubricMessage({ refusal: { code: 'foreign', items: foreign.join(', '), question: String(merged.questionKey) }, language: languageOf(req) }), { code: 'rubricItem', items: foreign })
  const ordered = given.map((id) => items.find((i) => String(i.id) === String(id))!)
  if (recompute) {
    const adjustment = given.length ? Number(originalDoc?.adjustment ?? 0) : 0
    return { ...data, rubricItems: given, adjustment, points: rubricPoints({ question: found.question, items: ordered, adjustment }) }
  }
  return { ...data, adjustment: adjustmentFor({ question: found.question, items: ordered, points: data.points }) }
}
