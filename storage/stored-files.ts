import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'

import type { Payload } from 'payload'

import { deleteObject, isNotFound, openObject, uploadFileToObject, type S3Bucket } from './s3-bucket'
import { objectKeyOf, s3BucketOf } from './s3-location'

/**
 * Where a collection's files are kept: a folder on this disk, or a bucket. Code that copies files wholesale
 * (backup, restore) goes through this and never needs to know which.
 */
export type FileStore = { kind: 'local'; collection: string; dir: string } | { kind: 's3'; collection: string; bucket: S3Bucket }

export class StoredFileNameError extends Error {}

export const fileStoreOf = ({ payload, collection }: { payload: Payload; collection: string }): FileStore | undefined => {
  const bucket = s3BucketOf({ payload, collection })
  if (bucket) return { kind: 's3', collection, bucket }
  const upload = (payload.collections as unknown as Record<string, { config: { upload?: unknown } } | undefined>)[collection]?.config.upload as
    | { staticDir?: string; disableLocalStorage?: boolean }
    | undefined
  return upload?.staticDir && !upload.disableLocalStorage ? { kind: 'local', collection, dir: path.resolve(upload.staticDir) } : undefined
}

/** A stored file's name is one path segment (Payload's file names are): anything else would leave the store. */
const checkedName = (filename: string): string => {
  if (!filename || filename === '.' || filename === '..' || /[/\\\0]/.test(filename)) throw new StoredFileNameError(`${filename}: not a stored file's name`)
  return filename
}

const localPath = (store: { dir: string }, filename: string): string => path.join(store.dir, checkedName(filename))

/** A stored file as a stream with its size; undefined when it is not there (deleted, or lost). */
export const openStoredFile = async ({ store, filename }: { store: FileStore; filename: string }): Promise<{ stream: Readable; size: number } | undefined> => {
  if (store.kind === 's3') {
    try {
      return await openObject({ bucket: store.bucket, key: objectKeyOf({ collection: store.collection, filename: checkedName(filename) }) })
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }
  const file = localPath(store, filename)
  try {
    // Opened first, then measured: the size is the open file's, whatever happens to the name meanwhile.
    const handle = await fs.promises.open(file, 'r')
    const { size } = await handle.stat()
    return { stream: handle.createReadStream(), size }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Stores a file from this disk under `filename` (replacing one of that name); `remove` undoes it. */
export const putStoredFile = async ({
  store,
  filename,
  from,
  contentType,
}: {
  store: FileStore
  filename: string
  from: string
  /** served back as the response's Content-Type by the S3 adapter */
  contentType?: string
}): Promise<{ location: string; remove: () => Promise<void> }> => {
  if (store.kind === 's3') {
    const key = objectKeyOf({ collection: store.collection, filename: checkedName(filename) })
    await uploadFileToObject({ bucket: store.bucket, key, file: from, contentType })
    return { location: `s3://${store.bucket.bucket}/${key}`, remove: () => deleteObject({ bucket: store.bucket, key }) }
  }
  const target = localPath(store, filename)
  await fs.promises.mkdir(store.dir, { recursive: true })
  await fs.promises.copyFile(from, target)
  return { location: target, remove: () => fs.promises.rm(target, { force: true }) }
}
