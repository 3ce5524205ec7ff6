import type { CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { ConflictError } from '../../runtime/errors'
import { afterCommit } from '../../runtime/transaction'
import type { Id } from '../access/roles'
import { deleteRequiredDependents } from './dependents'

/** Statuses past which a copy carries marking work. */
const MARKED = new Set(['marking', 'locked', 'finalized'])

type CopyRow = { id: Id; anonymousId?: string | null; status?: string | null }

/** Why a copy cannot be deleted without losing marking, or undefined when it can. */
export const markingKeptBy = async ({ req, copy }: { req: PayloadRequest; copy: CopyRow }): Promise<string | undefined> => {
  const name = copy.anonymousId ?? String(copy.id)
  if (MARKED.has(copy.status ?? '')) return `copy ${name} is ${copy.status}`
  const where = { copy: { equals: copy.id } }
  const [grades, annotations] = await Promise.all([
    req.payload.count({ collection: 'grades', where, overrideAccess: true, req }),
    req.payload.count({ collection: 'annotations', where, overrideAccess: true, req }),
  ])
  if (grades.totalDocs || annotations.totalDocs) return `copy ${name} has ${grades.totalDocs} grade(s) and ${annotations.totalDocs} annotation(s)`
  return undefined
}

/**
 * Deleting a copy (admins only): refused with 409 while it carries marking (a status past `ready`, grades
 * or annotations — delete those first, deliberately); otherwise its files (Media of the copy) and the rows
 * that cannot exist without it (required relationships, plugins' included) go with it, in one transaction.
 */
export const deleteCopyCascade: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const copy = (await req.payload.findByID({ collection: 'copies', id, depth: 0, overrideAccess: true, req, disableErrors: true })) as CopyRow | undefined
  if (!copy) return
  const kept = await markingKeptBy({ req, copy })
  if (kept) throw new ConflictError(`Cannot delete: ${kept}. Its marking would be lost.`, { copy: copy.id })
  await deleteRequiredDependents({ req, target: 'copies', id })
  // Payload removes an upload's file at once, whatever becomes of the transaction: inside a decision made
  // as one (a merge), the files go once it commits, so a rolled-back decision finds its copy whole.
  const files = await req.payload.find({ collection: 'media', where: { copy: { equals: id } }, overrideAccess: true, req, depth: 0, limit: 0, pagination: false })
  await afterCommit(req, async () => {
    for (const file of files.docs) await req.payload.delete({ collection: 'media', id: file.id, overrideAccess: true, depth: 0, req }).catch((err: Error) => req.payload.logger.warn({ err, media: file.id }, 'a removed copy file could not be deleted'))
  })
}
