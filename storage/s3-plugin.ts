import { s3Storage, type S3StorageOptions } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Plugin } from 'payload'

import { config } from '../runtime/config'
import { s3PrefixOf } from './s3-location'
import { s3ClientConfig, s3SettingsFromConfig } from './s3-settings'

/**
 * Fields the adapter adds to store a per-document folder: `prefix` (a folder a request may choose) and
 * `_objectKey` (a folder per browser upload, which we do not use). We keep neither: a file's key is its
 * collection's folder and its name (storage/s3-location.ts), so no request chooses where a file goes, and
 * the schema is the same with S3 or without (no migration, no column that only one storage fills). The
 * adapter reads them as optional: a document without them is at `<collection prefix>/<filename>`.
 */
const PER_DOCUMENT_FOLDERS = new Set(['prefix', '_objectKey'])

const withoutPerDocumentFolders = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: collection.fields.filter((field) => !('name' in field && PER_DOCUMENT_FOLDERS.has(field.name))),
})

/**
 * The adapter's admin component for browser uploads straight to the bucket, added to the admin even when those
 * are off (as here): one provider per collection that only passes its children through. Left out, the admin's
 * import map (app/(payload)/admin/importMap.js, committed) is the same with S3 or without.
 */
const CLIENT_UPLOAD_HANDLER = '@payloadcms/storage-s3/client#S3ClientUploadHandler'

const withoutClientUploadHandler = (admin: Config['admin']): Config['admin'] => {
  if (!admin) return admin
  const { [CLIENT_UPLOAD_HANDLER]: _handler, ...dependencies } = admin.dependencies ?? {}
  const providers = (admin.components?.providers ?? []).filter((provider) => !(typeof provider === 'object' && provider.path === CLIENT_UPLOAD_HANDLER))
  return { ...admin, dependencies, components: { ...admin.components, providers } }
}

/**
 * Every upload collection's files on S3-compatible object storage (Payload's official adapter) when
 * KORRIGO_S3_BUCKET is set, so app nodes keep nothing of value on their disks; on local disk
 * (data/media) otherwise, the configuration then left exactly as it was. Placed after the plugins that
 * add upload collections, so theirs are covered too.
 *
 * Files are still served by Payload at `/api/<collection>/file/<name>`, after the collection's read access
 * (a teacher never gets an unredacted scan): no public objects, no signed URLs handed out
 * (`disablePayloadAccessControl` and `signedDownloads` stay off), no browser uploads straight to the
 * bucket (they would skip the upload checks: size, type, the scan's page survey).
 */
export const fileStoragePlugin =
  (): Plugin =>
  (incoming: Config): Config => {
    const settings = s3SettingsFromConfig(config())
    if (!settings) return incoming
    const uploads = new Set((incoming.collections ?? []).filter((collection) => collection.upload).map((collection) => collection.slug))
    const collections = Object.fromEntries([...uploads].map((slug) => [slug, { prefix: s3PrefixOf(slug) }])) as S3StorageOptions['collections']
    const withStorage = s3Storage({
      bucket: settings.bucket,
      config: s3ClientConfig(settings),
      // The adapter keeps one client per key for the process: another configuration (a test's server) gets its own.
      clientCacheKey: `korrigo:${JSON.stringify(settings)}`,
      collections,
    })(incoming) as Config
    return {
      ...withStorage,
      admin: withoutClientUploadHandler(withStorage.admin),
      collections: (withStorage.collections ?? []).map((c) => (uploads.has(c.slug) ? withoutPerDocumentFolders(c) : c)),
    }
  }
