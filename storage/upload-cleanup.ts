import fs from 'node:fs/promises'
import path from 'node:path'

import type { AfterErrorHook, CollectionBeforeChangeHook, CollectionConfig, Config, Payload, Plugin, RequestContext } from 'payload'

import { deleteObject } from './s3-bucket'
import { objectKeyOf, s3BucketOf } from './s3-location'

/**
 * Payload writes an upload's file to disk before it inserts the row, inside the request's transaction (on S3,
 * the adapter writes the object just after the insert); when the insert (or anything after it) fails, the
 * transaction rolls back and the file stays, with no row that names it. This records the files a request is
 * about to write, and removes those no row names once the request has failed: from the REST/GraphQL error
 * hook, and from storeMedia for server code.
 */
type Pending = { collection: string; filename: string }
type UploadContext = RequestContext & { korrigoPendingFiles?: Pending[] }

const staticDirOf = (payload: Payload, collection: string): string | undefined => {
  const upload = (payload.collections as unknown as Record<string, { config: { upload?: unknown } } | undefined>)[collection]?.config.upload as
    | { staticDir?: string; disableLocalStorage?: boolean }
    | undefined
  return upload && !upload.disableLocalStorage && upload.staticDir ? path.resolve(upload.staticDir) : undefined
}

const recordPendingFile =
  (collection: string): CollectionBeforeChangeHook =>
  ({ data, req }) => {
    // Only a request that carries a file writes one; its final (de-duplicated) name is already in data.
    if (req.file && typeof data.filename === 'string') {
      const context = req.context as UploadContext
      context.korrigoPendingFiles = [...(context.korrigoPendingFiles ?? []), { collection, filename: data.filename }]
    }
    return data
  }

/** Deletes the recorded files of a failed request that no row names (a row committed meanwhile keeps its file). */
export const removeRejectedUploads = async ({ payload, context }: { payload: Payload; context: RequestContext }): Promise<string[]> => {
  const pending = (context as UploadContext).korrigoPendingFiles ?? []
  ;(context as UploadContext).korrigoPendingFiles = []
  const removed: string[] = []
  for (const { collection, filename } of pending) {
    const bucket = s3BucketOf({ payload, collection })
    const dir = staticDirOf(payload, collection)
    if (!bucket && !dir) continue
    const { totalDocs } = await payload.count({ collection: collection as never, where: { filename: { equals: filename } }, overrideAccess: true })
    if (totalDocs > 0) continue
    if (bucket) {
      // On S3 the object is written after the row (the adapter's afterChange hook): what failed after it leaves it.
      const key = objectKeyOf({ collection, filename })
      await deleteObject({ bucket, key })
      removed.push(`s3://${bucket.bucket}/${key}`)
      continue
    }
    if (!dir) continue
    const file = path.resolve(dir, filename)
    if (!file.startsWith(dir + path.sep)) continue
    await fs.rm(file, { force: true })
    removed.push(file)
  }
  if (removed.length) payload.logger.info({ removed }, 'removed the files of a rejected upload')
  return removed
}

const afterError: AfterErrorHook = async ({ req }) => {
  await removeRejectedUploads({ payload: req.payload, context: req.context }).catch((err: Error) =>
    req.payload.logger.error({ err }, 'could not remove the files of a rejected upload (cleanup-old-files will find them)'),
  )
}

const withRecorder = (collection: CollectionConfig): CollectionConfig =>
  collection.upload
    ? { ...collection, hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), recordPendingFile(collection.slug)] } }
    : collection

/** Last in the plugin list, so that upload collections added by other plugins are covered too. */
export const uploadCleanupPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map(withRecorder),
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), afterError] },
  })
