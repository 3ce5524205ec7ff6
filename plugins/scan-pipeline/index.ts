import type { CollectionConfig, Config, Plugin } from 'payload'

import { addJobs } from '../../jobs/define-job'
import { ScanPages } from './collections/ScanPages'
import { enqueueOnUpload } from './hooks/enqueueOnUpload'
import { processScanBatch } from './jobs/processScanBatch'

export type ScanPipelineOptions = { enabled?: boolean }

const withUploadHook = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'scan-batches'
    ? collection
    : { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), enqueueOnUpload] } }

/** Scan ingestion: uploading a ScanBatch runs `process-scan-batch`, which makes the batch's copies. */
export const scanPipelinePlugin =
  ({ enabled = true }: ScanPipelineOptions = {}): Plugin =>
  (config: Config): Config => {
    if (!enabled) return config
    return addJobs(
      { ...config, collections: [...(config.collections ?? []).map(withUploadHook), ScanPages] },
      [processScanBatch],
    )
  }
