import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../relations'
import { copyForMarking, forgetCopy } from './marking-reads'

/**
 * The first grade or annotation written on a "ready" copy makes it "marking": the server decides, so a
 * copy is never left "ready" with marks on it (a client that crashed, a script, the API).
 */
export const startMarkingOnFirstWrite: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const copyId = idOf(doc.copy)
  if (copyId === undefined) return doc
  // As the save's own checks read it: a copy already being marked (nearly every save) costs nothing more.
  if ((await copyForMarking({ id: copyId, req }))?.status !== 'ready') return doc
  // Read again before the write: an admin may have closed it since.
  forgetCopy({ id: copyId, req })
  const copy = await req.payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, select: { status: true }, disableErrors: true })
  if (copy?.status === 'ready') await req.payload.update({ collection: 'copies', id: copyId, data: { status: 'marking' }, depth: 0, overrideAccess: true, req })
  return doc
}
