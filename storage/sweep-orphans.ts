import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { orphanFiles } from './orphans'

type UploadCollection = { slug: string; staticDir: string; sizes: string[] }

const localUploadCollections = (payload: Payload): UploadCollection[] =>
  payload.config.collections.flatMap((collection) => {
    const upload = collection.upload as { staticDir?: string; disableLocalStorage?: boolean; imageSizes?: { name?: string }[] } | undefined
    if (!upload || upload.disableLocalStorage || !upload.staticDir) return []
    return [{ slug: collection.slug, staticDir: path.resolve(upload.staticDir), sizes: (upload.imageSizes ?? []).flatMap((s) => (s.name ? [s.name] : [])) }]
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
 * Removes the files of local upload folders that no row names and that are older than `olderThanMs`
 * (uploads rejected after their file was written, rows deleted behind Payload's back). A database that
 * cannot be read stops the sweep: nothing is removed on a guess.
 */
export const sweepOrphanUploads = async ({ payload, olderThanMs, now = Date.now() }: { payload: Payload; olderThanMs: number; now?: number }) => {
  const report: { collection: string; removed: string[] }[] = []
  for (const collection of localUploadCollections(payload)) {
    const known = await knownFiles({ payload, collection })
    const orphans = await orphanFiles({ directory: collection.staticDir, known, olderThanMs, now })
    for (const file of orphans) await fs.rm(file, { force: true })
    report.push({ collection: collection.slug, removed: orphans })
  }
  return report
}
