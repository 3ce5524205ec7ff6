import path from 'node:path'

import type { Payload } from 'payload'
import { sanitizeFilename } from 'payload/shared'

import { config } from '../runtime/config'
import { s3Bucket, type S3Bucket } from './s3-bucket'
import { s3SettingsFromConfig } from './s3-settings'

/** The adapter's name Payload records on a collection it took over (`upload.adapter`). */
const ADAPTER = 's3'

/**
 * The folder of a collection's files in the bucket: its slug (`media/`, `scan-batches/`), so two
 * collections never share a key and a bucket listing says whose file an object is.
 */
export const s3PrefixOf = (collection: string): string => collection

/** The bucket holding a collection's files, when they are on S3; undefined when they are on local disk. */
export const s3BucketOf = ({ payload, collection }: { payload: Payload; collection: string }): S3Bucket | undefined => {
  const upload = (payload.collections as unknown as Record<string, { config: { upload?: unknown } } | undefined>)[collection]?.config.upload as
    | { adapter?: string; disableLocalStorage?: boolean }
    | undefined
  if (upload?.adapter !== ADAPTER || !upload.disableLocalStorage) return undefined
  const settings = s3SettingsFromConfig(config())
  return settings ? s3Bucket(settings) : undefined
}

/**
 * A file's object key, as Payload's adapter writes, serves and deletes it: the collection's folder, then the
 * file name (storage/s3-plugin.ts keeps no per-document prefix, so the name alone locates the file).
 */
export const objectKeyOf = ({ collection, filename }: { collection: string; filename: string }): string => path.posix.join(s3PrefixOf(collection), sanitizeFilename(filename))
