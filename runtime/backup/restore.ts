import fs from 'node:fs'
import readline from 'node:readline'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

import { StoredFileNameError, fileStoreOf, putStoredFile } from '../../storage/stored-files'
import { KorrigoError } from '../errors'
import { extractArchive } from './archive'
import { backedUpCollections, insertionOrder, withoutOptionalRelations } from './collections'
import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST, fileEntry, type BackupManifest } from './manifest'
import type { BackupProgress } from './create'

export class RestoreError extends KorrigoError {
  constructor(message: string) {
    super({ code: 'restore_refused', message, status: 422 })
  }
}

const readDocs = async function* (file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as Record<string, unknown>
}

/** The media types of a collection's files, by name, from its documents (S3 serves a file with the type stored with it). */
type ContentTypes = Map<string, string>

const recordContentTypes = ({ types, doc }: { types: ContentTypes; doc: Record<string, unknown> }) => {
  const { filename, mimeType, sizes } = doc as { filename?: unknown; mimeType?: unknown; sizes?: Record<string, { filename?: unknown; mimeType?: unknown } | null> }
  if (typeof filename === 'string' && typeof mimeType === 'string') types.set(filename, mimeType)
  for (const size of Object.values(sizes ?? {}))
    if (typeof size?.filename === 'string' && typeof size.mimeType === 'string') types.set(size.filename, size.mimeType)
}

/** PostgreSQL: serial ids were given explicitly, so each sequence must start after the largest one. */
const resetSequences = async (payload: Payload) => {
  const pool = (payload.db as { pool?: { query: (sql: string) => Promise<{ rows: { seq: string; tbl: string; col: string }[] }> } }).pool
  if (!pool) return
  const { rows } = await pool.query(`SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
    FROM pg_class s JOIN pg_depend d ON d.objid = s.oid JOIN pg_class t ON d.refobjid = t.oid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid JOIN pg_namespace n ON n.oid = s.relnamespace
    WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i') AND n.nspname = current_schema()`)
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
  for (const { seq, tbl, col } of rows)
    await pool.query(`SELECT setval('${quote(seq).replace(/'/g, "''")}', COALESCE((SELECT MAX(${quote(col)}) FROM ${quote(tbl)}), 0) + 1, false)`)
}

/**
 * Restores a `korrigo backup` archive into this app's database and file storage. Every checksum is
 * checked before anything is written; the target must be empty (a fresh install) unless `force`, which
 * first deletes what is there. Documents go in through Payload's database adapter in one transaction
 * (PostgreSQL), keeping their ids: required relationships in dependency order, the optional ones in a
 * second pass; files are put in place (local disk or S3, as this install stores them) before the transaction
 * commits.
 */
export const restoreBackup = async ({ payload, file, force = false, onProgress }: { payload: Payload; file: string; force?: boolean; onProgress?: BackupProgress }): Promise<BackupManifest> => {
  const staging = await fs.promises.mkdtemp(path.join(path.dirname(path.resolve(file)), '.korrigo-restore-'))
  try {
    const found = await extractArchive({ file, into: staging })
    const manifestFile = path.join(staging, MANIFEST)
    if (!found.has(MANIFEST)) throw new RestoreError(`${file}: no ${MANIFEST}; this is not a Korrigo backup`)
    const manifest = JSON.parse(await fs.promises.readFile(manifestFile, 'utf8')) as BackupManifest
    if (manifest.format !== BACKUP_FORMAT || manifest.version > BACKUP_VERSION) throw new RestoreError(`${file}: unsupported backup format ${manifest.format} v${manifest.version}`)
    for (const entry of manifest.entries) {
      const got = found.get(entry.path)
      if (!got) throw new RestoreError(`${file}: ${entry.path} is missing from the archive`)
      if (got.sha256 !== entry.sha256 || got.size !== entry.size) throw new RestoreError(`${file}: ${entry.path} is damaged (checksum mismatch); nothing was restored`)
    }
    const extra = [...found.keys()].filter((name) => name !== MANIFEST && !manifest.entries.some((e) => e.path === name))
    if (extra.length) throw new RestoreError(`${file}: entries not listed in the manifest (${extra.slice(0, 3).join(', ')}); nothing was restored`)

    const applied = ((await payload.db.find({ collection: 'payload-migrations', limit: 0, pagination: false, sort: 'name' })).docs as unknown as { name: string }[]).map((m) => m.name).filter((n) => n !== 'dev')
    const missing = manifest.migrations.filter((m) => !applied.includes(m))
    const newer = applied.filter((m) => !manifest.migrations.includes(m))
    if (missing.length || newer.length)
      throw new RestoreError(
        `the backup was made with another database schema (${missing.length ? `migrations this install lacks: ${missing.join(', ')}` : ''}${missing.length && newer.length ? '; ' : ''}${newer.length ? `migrations the backup predates: ${newer.join(', ')}` : ''}); restore it with the same Korrigo version`,
      )

    const collections = backedUpCollections(payload)
    const unknown = Object.keys(manifest.collections).filter((slug) => !collections.some((c) => c.slug === slug))
    if (unknown.length) throw new RestoreError(`the backup holds collections this install does not have: ${unknown.join(', ')}`)
    const occupied: string[] = []
    for (const c of collections) if ((await payload.db.count({ collection: c.slug })).totalDocs) occupied.push(c.slug)
    if (occupied.length && !force) throw new RestoreError(`the database is not empty (${occupied.join(', ')}): restore into a fresh install, or pass --force to replace what is there`)

    const placed: { location: string; remove: () => Promise<void> }[] = []
    const contentTypes = new Map<string, ContentTypes>()
    const req = await createLocalReq({}, payload)
    const transactionID = await payload.db.beginTransaction()
    if (transactionID) req.transactionID = transactionID
    try {
      for (const slug of [...insertionOrder(payload)].reverse()) if (occupied.includes(slug)) await payload.db.deleteMany({ collection: slug as never, where: {}, req })

      const order = insertionOrder(payload).filter((slug) => manifest.collections[slug])
      const total = order.reduce((n, slug) => n + manifest.collections[slug]!.count, 0)
      let done = 0
      const secondPass: { slug: string; doc: Record<string, unknown> }[] = []
      for (const slug of order) {
        const collection = collections.find((c) => c.slug === slug)!
        const fields = collection.flattenedFields
        const types: ContentTypes = new Map()
        if (collection.upload) contentTypes.set(slug, types)
        for await (const doc of readDocs(path.join(staging, manifest.collections[slug]!.entry))) {
          if (collection.upload) recordContentTypes({ types, doc })
          const { data, stripped } = withoutOptionalRelations({ fields, data: doc })
          await payload.db.create({ collection: slug as never, data, customID: doc.id as string | number, req })
          if (stripped) secondPass.push({ slug, doc })
          if (++done % 200 === 0 || done === total) onProgress?.({ step: 'documents', done, total })
        }
      }
      for (const [i, { slug, doc }] of secondPass.entries()) {
        await payload.db.updateOne({ collection: slug as never, id: doc.id as string | number, data: doc, req })
        if ((i + 1) % 200 === 0 || i + 1 === secondPass.length) onProgress?.({ step: 'relationships', done: i + 1, total: secondPass.length })
      }
      for (const [slug, { entry }] of Object.entries(manifest.globals)) {
        if (!payload.config.globals.some((g) => g.slug === slug)) continue
        const data = JSON.parse(await fs.promises.readFile(path.join(staging, entry), 'utf8')) as Record<string, unknown>
        const existing = await payload.db.findGlobal({ slug, req })
        // Creating stamps a new createdAt: the update that follows puts the backed-up one back.
        if (!existing || !Object.keys(existing).length) await payload.db.createGlobal({ slug, data: { ...data }, req })
        await payload.db.updateGlobal({ slug, data, req })
      }

      const files = manifest.entries.filter((e) => e.path.startsWith('files/'))
      for (const [i, entry] of files.entries()) {
        const [, slug, ...rest] = entry.path.split('/')
        const filename = rest.join('/')
        // Into the storage this install uses (local disk or S3), whichever one the backup was made from.
        const store = fileStoreOf({ payload, collection: slug! })
        if (!store) throw new RestoreError(`${entry.path}: this install has no file storage for ${slug}`)
        const from = path.join(staging, fileEntry(slug!, filename))
        const put = await putStoredFile({ store, filename, from, contentType: contentTypes.get(slug!)?.get(filename) }).catch((error: Error) => {
          throw error instanceof StoredFileNameError ? new RestoreError(`${entry.path}: points outside the file storage`) : error
        })
        placed.push(put)
        if ((i + 1) % 50 === 0 || i + 1 === files.length) onProgress?.({ step: 'files', done: i + 1, total: files.length })
      }
      if (transactionID) await payload.db.commitTransaction(transactionID)
    } catch (error) {
      if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
      for (const file of placed) await file.remove().catch(() => undefined)
      throw error
    }
    await resetSequences(payload)
    return manifest
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true })
  }
}
