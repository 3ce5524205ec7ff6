import type { CollectionConfig } from 'payload'

import { config } from '../../../runtime/config'
import { SCAN_UPLOADS_PATH } from '../uploads/paths'

const UPLOADER = '/admin-components/scan-uploads/ScanUploader#ScanUploader'

/**
 * Above the scan batches' list: resumable uploads of several files at once (tus, `uploads/scanBatchUploads.ts`).
 * The plain upload form (Create new) stays as it was.
 */
export const withScanUploader = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug !== 'scan-batches') return collection
  const components = collection.admin?.components
  const uploader = { path: UPLOADER, clientProps: { endpoint: SCAN_UPLOADS_PATH, limitMB: config().KORRIGO_MAX_UPLOAD_MB } }
  return { ...collection, admin: { ...collection.admin, components: { ...components, beforeListTable: [...(components?.beforeListTable ?? []), uploader] } } }
}
