import type { CollectionAfterChangeHook } from 'payload'

import { applyExamZone, examZoneOf } from '../services/examZone'

/** The zone drawn on the exam goes onto every copy's first page (and comes off them when removed). */
export const spreadExamZone: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  const now = examZoneOf(doc), before = examZoneOf(previousDoc)
  if (JSON.stringify(now) !== JSON.stringify(before)) await applyExamZone({ payload: req.payload, examId: doc.id, zone: now, req })
  return doc
}
