import type { CollectionConfig, Config, Plugin } from 'payload'

import { addJobs } from '../../jobs/define-job'
import { withTranslations } from '../kit/translations'
import { withBatchProgressField } from './admin/batchProgressField'
import { withBookletsTab } from './admin/bookletsTab'
import { withBatchReportTab } from './admin/batchReportView'
import { withScanUploader } from './admin/scanUploader'
import { ScanPages } from './collections/ScanPages'
import { bookletsEndpoint } from './endpoints/booklets'
import { segmentationEndpoints } from './endpoints/segmentation'
import { checkUpload } from './hooks/checkUpload'
import { checkSubject } from './hooks/checkSubject'
import { enqueueOnUpload } from './hooks/enqueueOnUpload'
import { linkSubject } from './hooks/linkSubject'
import { analyzeScanPages } from './jobs/analyzeScanPages'
import { processScanBatch } from './jobs/processScanBatch'
import { bookletsField } from './services/booklets/record'
import { translations } from './translations'

export type ScanPipelineOptions = { enabled?: boolean }

const withUploadHook = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'scan-batches'
    ? collection
    : {
        ...collection,
        hooks: {
          ...collection.hooks,
          // After the collection's own type and size checks: refuse what a batch may not cost before it is stored.
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), checkUpload],
          afterChange: [...(collection.hooks?.afterChange ?? []), enqueueOnUpload],
        },
      }

/**
 * An exam's blank subject: checked when its file is uploaded, and tied to the exam that uses it. Its
 * prepared booklets: printed from the exam (`GET /api/exams/:id/booklets.pdf`), their numbers kept on it.
 */
const withSubjectHooks = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === 'media') return { ...collection, hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), checkSubject] } }
  if (collection.slug === 'exams')
    return {
      ...collection,
      fields: [...collection.fields, bookletsField],
      endpoints: [...(collection.endpoints || []), bookletsEndpoint],
      hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), linkSubject] },
    }
  return collection
}

/**
 * Scan ingestion: uploading a ScanBatch runs `process-scan-batch`, which makes the batch's copies; the
 * batch's "Découpage" tab says what decided each copy's start, and re-cuts it with the exam's subject.
 */
export const scanPipelinePlugin =
  ({ enabled = true }: ScanPipelineOptions = {}): Plugin =>
  (config: Config): Config => {
    if (!enabled) return config
    return addJobs(
      {
        ...config,
        collections: [...(config.collections ?? []).map(withUploadHook).map(withSubjectHooks).map(withBatchReportTab).map(withBatchProgressField).map(withBookletsTab).map(withScanUploader), ScanPages],
        endpoints: [...(config.endpoints ?? []), ...segmentationEndpoints],
        i18n: withTranslations(config.i18n, translations),
      },
      [processScanBatch, analyzeScanPages],
    )
  }
