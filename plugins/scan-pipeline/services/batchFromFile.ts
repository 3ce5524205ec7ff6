import fs from 'node:fs/promises'

import type { Payload } from 'payload'

import type { Id } from '../../../shared/ids'
import { removeRejectedUploads } from '../../../storage/upload-cleanup'

/**
 * A scan batch from a file already on disk (a finished resumable upload), exactly as a form upload makes
 * one: the same collection hooks (size, PDF type, the isolated page check), the same access rule for the
 * user, the same job queued. Payload copies the file into storage from its path (`tempFilePath` with empty
 * `data`), so a 1 GB batch is never read into memory.
 */
export const createBatchFromFile = async ({
  payload,
  user,
  path,
  name,
  mimetype,
  exam,
  layout,
}: {
  payload: Payload
  user: Record<string, unknown> & { id: Id }
  path: string
  name: string
  mimetype: string
  exam: Id
  layout?: string
}) => {
  const { size } = await fs.stat(path)
  // The same bookkeeping as a request's: a create that fails after its file was written removes that file.
  const context = {}
  try {
    return await payload.create({
      collection: 'scan-batches',
      data: { exam: exam as number, ...(layout ? { layout: layout as never } : {}) },
      file: { name, mimetype, size, data: Buffer.alloc(0), tempFilePath: path },
      user: { ...user, collection: 'users' } as never,
      overrideAccess: false,
      context,
    })
  } catch (error) {
    await removeRejectedUploads({ payload, context }).catch(() => undefined)
    throw error
  }
}
