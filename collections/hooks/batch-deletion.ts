import type { CollectionBeforeDeleteHook } from 'payload'

import { config } from '../../runtime/config'
import { ConflictError } from '../../runtime/errors'
import type { Id } from '../access/roles'
import { idOf } from '../relations'
import { markingKeptBy } from './copy-deletion'
import { deleteRequiredDependents } from './dependents'

/** A batch whose job reported progress this recently is taken to be running (KORRIGO_SCAN_LOCK_MS, as the job's lock). */
const runningWithinMs = () => config().KORRIGO_SCAN_LOCK_MS

type CopyRow = { id: Id; anonymousId?: string | null; status?: string | null; pages?: { batch?: unknown }[] | null }

/**
 * Deleting a scan batch (admins only) takes what was made from it: its analysed pages and the copies cut
 * from it (with their files). It is refused with 409, deleting nothing, when that would lose work: a copy
 * from it is being marked (or holds grades or annotations), a copy also holds pages of another batch, or the
 * batch is being processed right now.
 */
export const deleteBatchCascade: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const batch = await req.payload.findByID({ collection: 'scan-batches', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!batch) return
  const name = batch.filename ?? `batch ${id}`
  const sinceProgressMs = Date.now() - new Date(batch.updatedAt).getTime()
  if (batch.status === 'processing' && sinceProgressMs < runningWithinMs())
    throw new ConflictError(`${name} is being processed: wait until it is done (or stopped) before deleting it.`, { batch: id })

  const { docs } = await req.payload.find({
    collection: 'copies',
    where: { 'pages.batch': { equals: id } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const copies = docs as CopyRow[]
  const problems: string[] = []
  for (const copy of copies) {
    const kept = await markingKeptBy({ req, copy })
    if (kept) problems.push(kept)
    else if (copy.pages?.some((page) => idOf(page.batch) !== undefined && String(idOf(page.batch)) !== String(id)))
      problems.push(`copy ${copy.anonymousId ?? copy.id} also holds pages of another batch`)
  }
  if (problems.length)
    throw new ConflictError(`Cannot delete ${name}: ${problems.join('; ')}. Nothing was deleted.`, { batch: id, problems })

  for (const copy of copies) await req.payload.delete({ collection: 'copies', id: copy.id, overrideAccess: true, req, depth: 0 })
  await deleteRequiredDependents({ req, target: 'scan-batches', id })
}
