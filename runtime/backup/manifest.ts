/** What a Korrigo backup holds, written last in the archive with a checksum for every other entry. */
export const BACKUP_FORMAT = 'korrigo-backup'
export const BACKUP_VERSION = 1

export type BackupEntry = { path: string; size: number; sha256: string }

export type BackupManifest = {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  database: 'postgres' | 'mongodb'
  /** the documents were read in one snapshot (a read-only repeatable-read transaction, or a MongoDB snapshot session) */
  consistent: boolean
  /** migrations the database had: a restore needs the same schema */
  migrations: string[]
  collections: Record<string, { count: number; entry: string }>
  globals: Record<string, { entry: string }>
  /** every entry but the manifest, with its checksum */
  entries: BackupEntry[]
  /** files a document pointed at that were gone when they were copied (a document deleted meanwhile) */
  warnings: string[]
}

export const collectionEntry = (slug: string) => `collections/${slug}.ndjson`
export const globalEntry = (slug: string) => `globals/${slug}.json`
export const fileEntry = (collection: string, filename: string) => `files/${collection}/${filename}`
export const MANIFEST = 'manifest.json'
