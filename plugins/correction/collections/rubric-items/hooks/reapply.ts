import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { languageOf } from '../../../../../collections/grade-messages'
import { ConflictError } from '../../../../../runtime/errors'
import { rubricMessage } from '../../../lib/rubricMessages'
import { gradesApplying, reapplyRubricItem, refuseOnClosedCopies, rerenderClosedCopies } from '../../../services/reapplyRubricItem'

const pointsChanged = (before: { points?: unknown } | undefined, after: { points?: unknown }) => before !== undefined && after.points !== undefined && Number(before.points) !== Number(after.points)

/** New points for an item are refused while it is applied to a closed copy (see refuseOnClosedCopies). */
export const refuseClosedPoints: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && pointsChanged(originalDoc, data)) await refuseOnClosedCopies({ itemId: originalDoc.id, req })
  return data
}

/**
 * Every grade applying the item gets its new points, in the same transaction as the item; a new text is read
 * live everywhere, and closed copies' annotated PDFs are rendered again with it.
 */
export const reapplyPoints: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation === 'update' && pointsChanged(previousDoc, doc)) await reapplyRubricItem({ itemId: doc.id, req })
  if (operation === 'update' && previousDoc?.text !== doc.text) await rerenderClosedCopies({ itemId: doc.id, req })
  return doc
}

/** An item in use is not deleted: the marks it gave would change without anyone choosing it. */
export const refuseDeleteInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const uses = (await gradesApplying({ itemId: id, req })).length
  if (uses) throw new ConflictError(rubricMessage({ refusal: { code: 'inUse', uses }, language: languageOf(req) }), { code: 'rubricItemInUse', uses })
}
