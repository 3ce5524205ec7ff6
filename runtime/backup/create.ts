import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

import { fileStoreOf, openStoredFile } from '../../storage/stored-files'
import { backedUpCollections } from './collections'
import { openArchiveWriter } from './archive'
import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST, collectionEntry, fileEntry, globalEntry, type BackupManifest } from './manifest'

export type BackupProgress = (event: { step: string; done: number; total: number }) => void

const PAGE = 500

type UploadDoc = { id: string | number; filename?: string | null }

/**
 * Every document (through Payload's database adapter, so the same on PostgreSQL and MongoDB) and every
 * uploaded file (from local disk or S3), in one tar.gz with a manifest of checksums. The documents are read
 * in one read-only snapshot, so the archive is consistent while the app keeps writing; files are then copied
 * for the documents of that snapshot (files are written once and never changed in place).
 */
export const createBackup = async ({ payload, out, onProgress }: { payload: Payload; out: string; onProgress?: BackupProgress }): Promise<BackupManifest> => {
  // The adapter in use, not the environment: the embedded database's URL is only known once started.
  const kind = payload.db.name === 'mongoose' ? 'mongodb' : 'postgres'
  const staging = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'korrigo-backup-'))
  const req = await createLocalReq({}, payload)
  // PostgreSQL: one repeatable-read, read-only transaction sees the whole database at one instant.
  // MongoDB: a snapshot read concern, on a replica set; without one, there is no snapshot to be had.
  const transactionID = await payload.db
    .beginTransaction(kind === 'postgres' ? ({ isolationLevel: 'repeatable read', accessMode: 'read only' } as never) : ({ readConcern: { level: 'snapshot' } } as never))
    .catch(() => null)
  if (transactionID) req.transactionID = transactionID
  const writer = openArchiveWriter(out)
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    database: kind,
    consistent: Boolean(transactionID),
    migrations: [],
    collections: {},
    globals: {},
    entries: [],
    warnings: [],
  }
  const uploads: { slug: string; docs: UploadDoc[] }[] = []
  try {
    const migrations = await payload.db.find({ collection: 'payload-migrations', limit: 0, pagination: false, req, sort: 'name' })
    manifest.migrations = (migrations.docs as unknown as { name: string }[]).map((m) => m.name).filter((n) => n !== 'dev').sort()
    const collections = backedUpCollections(payload)
    for (const [i, collection] of collections.entries()) {
      const file = path.join(staging, `${collection.slug}.ndjson`)
      const stream = fs.createWriteStream(file)
      let count = 0
      const files: UploadDoc[] = []
      for (let page = 1; ; page++) {
        const result = await payload.db.find({ collection: collection.slug, limit: PAGE, page, pagination: true, sort: 'id', req })
        for (const doc of result.docs as Record<string, unknown>[]) {
          stream.write(`${JSON.stringify(doc)}\n`)
          count++
          if (collection.upload) files.push({ id: doc.id as string | number, filename: doc.filename as string | null })
        }
        if (!result.hasNextPage) break
      }
      await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())))
      await writer.add(collectionEntry(collection.slug), { file })
      manifest.collections[collection.slug] = { count, entry: collectionEntry(collection.slug) }
      if (files.length) uploads.push({ slug: collection.slug, docs: files })
      onProgress?.({ step: 'documents', done: i + 1, total: collections.length })
    }
    for (const global of payload.config.globals) {
      const doc = await payload.db.findGlobal({ slug: global.slug, req })
      await writer.add(globalEntry(global.slug), { bytes: Buffer.from(JSON.stringify(doc ?? {})) })
      manifest.globals[global.slug] = { entry: globalEntry(global.slug) }
    }
  } finally {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
  }

  const total = uploads.reduce((n, u) => n + u.docs.length, 0)
  let done = 0
  for (const { slug, docs } of uploads) {
    // Local disk or S3: the archive is the same (files/<collection>/<name>), so a backup restores into either.
    const store = fileStoreOf({ payload, collection: slug })
    for (const doc of docs) {
      done++
      if (!doc.filename || !store) continue
      const file = await openStoredFile({ store, filename: doc.filename })
      if (file) await writer.add(fileEntry(slug, doc.filename), file)
      else {
        // Deleted since the snapshot (with its document), or lost before: said in the manifest, not hidden.
        const still = await payload.db.findOne({ collection: slug as never, where: { id: { equals: doc.id } } }).catch(() => null)
        manifest.warnings.push(`${slug} ${doc.id}: its file ${doc.filename} is missing${still ? '' : ' (the document was deleted after the snapshot)'}`)
      }
      if (done % 50 === 0 || done === total) onProgress?.({ step: 'files', done, total })
    }
  }
  manifest.entries = [...writer.entries]
  await writer.add(MANIFEST, { bytes: Buffer.from(JSON.stringify(manifest, null, 2)) })
  await writer.close()
  await fs.promises.rm(staging, { recursive: true, force: true })
  return manifest
}
