import type { CollectionAfterChangeHook } from 'payload'

import { idOf, sameId } from '../../../collections/relations'

/**
 * The blank subject uploaded from an exam's form belongs to that exam: the file is marked with it, so the
 * exam's files are found together (retention, backups).
 */
export const linkSubject: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const subject = idOf(doc.blankSubject)
  if (subject === undefined || sameId(subject, previousDoc?.blankSubject)) return doc
  const media = await req.payload.findByID({ collection: 'media', id: subject, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (media && !sameId(media.exam, doc.id)) await req.payload.update({ collection: 'media', id: subject, data: { exam: doc.id }, overrideAccess: true, depth: 0, req })
  return doc
}
