import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { idOf } from '../relations'

type Id = string | number

/**
 * A Payload update reads the whole document, runs the hooks, then writes the whole document back. Two
 * writers of one document (a teacher finalizing a copy, the redaction job storing its renditions; two
 * sessions saving a grade on the same version) could each read it before the other wrote: the second write
 * would undo the first, or both would pass a version check. Touching the row first, in the operation's own
 * transaction, makes the database hold the second writer until the first has committed, so every update
 * reads what the one before it wrote. Through the adapter's API only: on PostgreSQL the touch takes the row
 * lock; on MongoDB two transactions touching one document conflict instead of overwriting.
 */
const touch = async ({ req, collection, ids }: { req: PayloadRequest; collection: CollectionSlug; ids: Id[] }): Promise<void> => {
  // Always in one order, so two writers of the same documents wait for each other rather than deadlock.
  const ordered = [...ids].sort((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true }))
  for (const id of ordered) await req.payload.db.updateOne({ collection, id, data: { updatedAt: new Date().toISOString() }, req, returning: false })
}

export const serializeWrites: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  // Without a transaction (an adapter that has none) the touch would only cost a write: skip it.
  if (operation !== 'update' || !req.transactionID) return args
  const slug = collection.slug as CollectionSlug
  const { id, where } = args as { id?: Id; where?: Where }
  if (id !== undefined) await touch({ req, collection: slug, ids: [id] })
  else if (where) {
    const { docs } = await req.payload.find({ collection: slug, where, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: {} })
    await touch({ req, collection: slug, ids: docs.map((doc) => doc.id as Id) })
  }
  return args
}

/**
 * A grade or an annotation is created under its copy's row lock, taken before the insert. The insert's
 * foreign key holds a share lock on the copy until the save commits, and the save then writes the copy
 * (its total, its first mark making it "marking"). A writer of the copy between those two (the redaction
 * job storing its renditions: Payload writes a whole document as an upsert, which needs the row
 * exclusively) would wait for the save while the save waits for it: PostgreSQL would kill one of them as a
 * deadlock (a teacher's mark answered 500). Taking the copy first puts every writer of it in one queue.
 */
export const lockParentCopy: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' || !req.transactionID) return args
  const copy = idOf((args as { data?: { copy?: unknown } }).data?.copy)
  if (copy !== undefined) await touch({ req, collection: 'copies', ids: [copy] })
  return args
}
