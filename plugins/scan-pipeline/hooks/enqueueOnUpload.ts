import type { CollectionAfterChangeHook } from 'payload'

import { enqueue } from '../../../jobs/queue'
import { logger } from '../../../runtime/logger'

export const PROCESS_SCAN_BATCH = 'process-scan-batch'

/** A new batch (or a replaced file) is processed in the background as soon as it is stored. */
export const enqueueOnUpload: CollectionAfterChangeHook = async ({ doc, operation, previousDoc }) => {
  const replaced = operation === 'update' && previousDoc?.filename !== doc.filename
  if (operation !== 'create' && !replaced) return doc
  try {
    await enqueue({ name: PROCESS_SCAN_BATCH, data: { batchId: doc.id }, uniqueKey: { 'data.batchId': doc.id } })
  } catch (err) {
    // The batch is stored; an admin can start it again from the jobs endpoint.
    logger.error({ err, batch: doc.id }, 'could not enqueue the scan batch')
  }
  return doc
}
