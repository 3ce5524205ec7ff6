import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { orphanFiles, orphanObjects } from './orphans'
import { deleteObject, listObjects, type S3Bucket } from './s3-bucket'
import { objectKeyOf, s3BucketOf, s3PrefixOf } from './s3-location'

/** An upload collection and where its files are: a local folder, or a bucket (under the collection's prefix). */
type UploadCollection = { slug: string; sizes: string[] } & ({ staticDir: string; bucket?: undefined } | { bucket: S3Bucket; staticDir?: undefined })

const uploadCollections = (payload: Payload): UploadCollection[] =>
  payload.config.collections.flatMap((collection): UploadCollection[] => {
    const upload = collection.upload as { staticDir?: string; disableLocalStorage?: boolean; imageSizes?: { name?: string }[] } | undefined
    if (!upload) return []
    const sizes = (upload.imageSizes ?? []).flatMap((s) => (s.name ? [s.name] : []))
    const bucket = s3BucketOf({ payload, collection: collection.slug })
    if (bucket) return [{ slug: collection.slug, sizes, bucket }]
    if (upload.disableLocalStorage || !upload.staticDir) return []
    return [{ slug: collection.slug, sizes, staticDir: path.resolve(upload.staticDir) }]
  })

/** Every file name the rows of a collection hold (the file, and its resized images if any). */
const knownFiles = async ({ payload, collection }: { payload: Payload; collection: UploadCollection }): Promise<Set<string>> => {
  const { docs } = await payload.find({ collection: collection.slug as never, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  const names = new Set<string>()
  for (const doc of docs as { filename?: string | null; sizes?: Record<string, { filename?: string | null } | undefined> }[]) {
    if (doc.filename) names.add(doc.filename)
    for (const size of collection.sizes) if (doc.sizes?.[size]?.filename) names.add(doc.sizes[size]!.filename!)
  }
  return names
}

/**
 * Removes the files of upload folders that no row names and that are older than `olderThanMs` (uploads
 * rejected after their file was written, rows deleted behind Payload's back): on local disk, the files
 * directly in each collection's folder; on S3, the objects under each collection's prefix (`media/`…),
 * which belongs to Korrigo alone. A database or bucket that cannot be read stops the sweep: nothing is
 * removed on a guess.
 */
export const sweepOrphanUploads = async ({ payload, olderThanMs, now = Date.now() }: { payload: Payload; olderThanMs: number; now?: number }) => {
  const report: { collection: string; removed: string[] }[] = []
  for (const collection of uploadCollections(payload)) {
    const known = await knownFiles({ payload, collection })
    if (collection.bucket) {
      const { bucket } = collection
      const objects = await listObjects({ bucket, prefix: `${s3PrefixOf(collection.slug)}/` })
      const keys = new Set([...known].map((filename) => objectKeyOf({ collection: collection.slug, filename })))
      const orphans = orphanObjects({ objects, known: keys, olderThanMs, now })
      for (const key of orphans) await deleteObject({ bucket, key })
      report.push({ collection: collection.slug, removed: orphans.map((key) => `s3://${bucket.bucket}/${key}`) })
      continue
    }
    const orphans = await orphanFiles({ directory: collection.staticDir, known, olderThanMs, now })
    for (const file of orphans) await fs.rm(file, { force: true })
    report.push({ collection: collection.slug, removed: orphans })
  }
  return report
}
