import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../collections/relations'
import { assignmentsOf } from '../services/load'
import { evaluateCopy } from '../services/evaluateCopy'

/** A mark changed after a part was finished (an arbiter's, an admin's fix): the copy's verdict may change. */
export const evaluateAfterGrade: CollectionAfterChangeHook = async ({ doc, req }) => {
  const copy = idOf(doc.copy)!
  const rows = await assignmentsOf({ payload: req.payload, where: { and: [{ copy: { equals: copy } }, { doneAt: { exists: true } }] }, req })
  if (rows.length) await evaluateCopy({ payload: req.payload, copyId: copy, req })
  return doc
}
