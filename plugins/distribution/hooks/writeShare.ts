import type { CollectionBeforeChangeHook } from 'payload'

import { isAdmin } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { ConflictError, ForbiddenError } from '../../../runtime/errors'
import { rowFor } from '../access/share'
import { isSystemWrite } from '../services/systemWrite'

const anonymousIdOf = async (req: Parameters<CollectionBeforeChangeHook>[0]['req'], copy: unknown) =>
  (await req.payload.findByID({ collection: 'copies', id: idOf(copy)!, depth: 0, overrideAccess: true, req, select: { anonymousId: true }, disableErrors: true }))?.anonymousId ?? String(idOf(copy))

/**
 * A grade or annotation goes into the writer's own marking of the copy. On a distributed exam a teacher
 * writes only within their share (their copies, their questions) and not once their part is finalized;
 * admins may write into any marking.
 */
export const writeIntoShare =
  (kind: 'grades' | 'annotations'): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    const merged = { ...originalDoc, ...data }
    // The server's own rewrite (a rubric item's new points) stays in the marking it was made in.
    if (isAdmin(req.user) || !req.user || isSystemWrite(req)) {
      if (operation === 'create' && data.marking === undefined) data.marking = 1
      return data
    }
    const copy = idOf(merged.copy)!
    const exam = idOf(merged.exam)!
    const { distributed, row } = await rowFor({ req, copy, exam })
    if (!distributed) {
      data.marking = operation === 'create' ? 1 : (originalDoc?.marking ?? 1)
      return data
    }
    if (!row) throw new ForbiddenError(`Copy ${await anonymousIdOf(req, copy)} is not in your share of this exam`)
    if (kind === 'grades' && row.questionKeys && !row.questionKeys.includes(merged.questionKey))
      throw new ForbiddenError(`Question ${merged.questionKey} of copy ${await anonymousIdOf(req, copy)} is marked by another corrector (yours: ${row.questionKeys.join(', ')})`)
    if (row.done) throw new ConflictError(`Your marking of copy ${await anonymousIdOf(req, copy)} is finalized: ask an admin to reopen it`)
    if (operation === 'update' && originalDoc?.marking !== undefined && originalDoc.marking !== row.marking)
      throw new ForbiddenError('This mark belongs to another marking of the copy')
    data.marking = row.marking
    return data
  }
