import type { Access, Where } from 'payload'

import { assignedExamIds, isAdmin, isTeacher, oneOf } from '../../../../collections/access/roles'

/** A teacher reads their own comments and those attached to exams they mark (shared with co-correctors). */
export const readComments: Access = async ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!isTeacher(req.user)) return false
  const exams = await assignedExamIds(req)
  const where: Where = { or: [{ owner: { equals: req.user!.id } }, oneOf('exam', exams)] }
  return where
}

/** Only the author (or an admin) edits or removes a saved comment. */
export const ownComments: Access = ({ req }) => {
  if (isAdmin(req.user)) return true
  if (!isTeacher(req.user)) return false
  return { owner: { equals: req.user!.id } }
}
