import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { S3 } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'

import { s3ClientConfig, type S3Settings } from './s3-settings'

/** One bucket and the client that reaches it. Keys are full object keys (`media/copy-3.pdf`). */
export type S3Bucket = { client: S3; bucket: string }

export type StoredObject = { key: string; size: number; lastModified?: Date }

/** Parts of a large upload; S3 takes up to 10,000 parts, so 50 MB parts allow files of 500 GB. */
const PART_SIZE = 50 * 1024 * 1024

// One client per configuration, kept: it holds a pool of keep-alive connections.
const clients = new Map<string, S3>()

export const s3Bucket = (settings: S3Settings): S3Bucket => {
  const id = JSON.stringify(settings)
  let client = clients.get(id)
  if (!client) clients.set(id, (client = new S3(s3ClientConfig(settings))))
  return { client, bucket: settings.bucket }
}

/** A missing key (or bucket) answers 404: said as such so callers can tell "not there" from "store down". */
export const isNotFound = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

/** An object as a stream with its size (a tar entry needs the size before the bytes). */
export const openObject = async ({ bucket, key }: { bucket: S3Bucket; key: string }): Promise<{ stream: Readable; size: number }> => {
  const object = await bucket.client.getObject({ Bucket: bucket.bucket, Key: key })
  if (!(object.Body instanceof Readable)) throw new Error(`s3://${bucket.bucket}/${key}: the object's body is not a stream`)
  return { stream: object.Body, size: object.ContentLength ?? 0 }
}

/** The whole object in memory: for the files readUpload serves (copies, subjects), never a scan batch. */
export const readObject = async ({ bucket, key }: { bucket: S3Bucket; key: string }): Promise<Uint8Array> => {
  const object = await bucket.client.getObject({ Bucket: bucket.bucket, Key: key })
  if (!object.Body) throw new Error(`s3://${bucket.bucket}/${key}: the object has no body`)
  return object.Body.transformToByteArray()
}

/** Streams an object to a file on this machine, never holding it whole. */
export const downloadObject = async ({ bucket, key, to }: { bucket: S3Bucket; key: string; to: string }): Promise<void> => {
  const { stream } = await openObject({ bucket, key })
  await pipeline(stream, createWriteStream(to))
}

/** Streams a file on this machine to an object (multipart above one part, as Payload's adapter does). */
export const uploadFileToObject = async ({ bucket, key, file, contentType }: { bucket: S3Bucket; key: string; file: string; contentType?: string }): Promise<void> => {
  await new Upload({
    client: bucket.client,
    params: { Bucket: bucket.bucket, Key: key, Body: createReadStream(file), ...(contentType ? { ContentType: contentType } : {}) },
    partSize: PART_SIZE,
    queueSize: 4,
  }).done()
}

export const deleteObject = async ({ bucket, key }: { bucket: S3Bucket; key: string }): Promise<void> => {
  await bucket.client.deleteObject({ Bucket: bucket.bucket, Key: key })
}

/** Every object whose key starts with `prefix`, page after page (S3 answers 1,000 keys at a time). */
export const listObjects = async ({ bucket, prefix }: { bucket: S3Bucket; prefix: string }): Promise<StoredObject[]> => {
  const objects: StoredObject[] = []
  let token: string | undefined
  do {
    const page = await bucket.client.listObjectsV2({ Bucket: bucket.bucket, Prefix: prefix, ContinuationToken: token })
    for (const item of page.Contents ?? []) if (item.Key) objects.push({ key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified })
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return objects
}
