import type { CollectionBeforeChangeHook } from 'payload'

import { assignedExamIds, isAdmin } from '../../../../../collections/access/roles'
import { idOf } from '../../../../../collections/relations'
import { ForbiddenError } from '../../../../../runtime/errors'

/** The owner is whoever saves the comment first; a teacher may attach it only to an exam they mark. */
export const checkExam: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const next = { ...data }
  if (operation === 'create') next.owner = req.user?.id
  else next.owner = originalDoc?.owner
  const exam = idOf(next.exam ?? (operation === 'update' ? originalDoc?.exam : undefined))
  if (exam !== undefined && !isAdmin(req.user)) {
    const allowed = (await assignedExamIds(req)).map(String)
    if (!allowed.includes(String(exam))) throw new ForbiddenError(`You are not a corrector of exam ${exam}`)
  }
  return next
}
