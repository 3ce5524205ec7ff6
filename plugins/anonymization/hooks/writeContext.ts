import type { CollectionAfterOperationHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

type Context = { korrigoCopyWrite?: number }
const WRITES = new Set(['create', 'update', 'updateByID', 'delete', 'deleteByID'])

/**
 * A copy being written is read back (afterRead) before its afterChange hooks run, and those hooks (a copy
 * just finalized, a rendition to make) need the stored values: the views a teacher's reads get (the redacted
 * file, their own part's status and total) are for reads only, so writes are marked here.
 */
export const markCopyWrite: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (WRITES.has(operation)) (req.context as Context).korrigoCopyWrite = ((req.context as Context).korrigoCopyWrite ?? 0) + 1
  return args
}

export const unmarkCopyWrite: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (WRITES.has(operation)) (req.context as Context).korrigoCopyWrite = Math.max(0, ((req.context as Context).korrigoCopyWrite ?? 1) - 1)
  return result
}

export const isCopyWrite = (req: PayloadRequest): boolean => Boolean((req.context as Context).korrigoCopyWrite)
