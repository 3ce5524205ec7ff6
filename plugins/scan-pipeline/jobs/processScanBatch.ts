import { defineJob } from '../../../jobs/define-job'
import { config } from '../../../runtime/config'
import { BadRequestError } from '../../../runtime/errors'
import { PROCESS_SCAN_BATCH } from '../hooks/enqueueOnUpload'
import { ingestBatch } from '../services/ingestBatch'

export type ProcessScanBatchData = { batchId: string | number }

export const processScanBatch = defineJob<ProcessScanBatchData>({
  name: PROCESS_SCAN_BATCH,
  version: 1,
  // Each page touches the lock; a short lifetime lets another worker take over quickly after a crash.
  lockLifetime: config().KORRIGO_SCAN_LOCK_MS,
  parse: (data) => {
    const batchId = (data as ProcessScanBatchData | undefined)?.batchId
    if (typeof batchId !== 'string' && typeof batchId !== 'number')
      throw new BadRequestError(`${PROCESS_SCAN_BATCH}: batchId must be a string or number id, got ${JSON.stringify(batchId)}`)
    return { batchId }
  },
  handler: async ({ data, context }) => {
    try {
      const result = await ingestBatch({ payload: context.payload, batchId: data.batchId, progress: context.progress })
      // A slice is done: batches that were waiting (other uploaders') get theirs before this one goes on.
      if (result.more) return context.runAgain()
      // The worker's memory when a batch ends (MB): what an operator sizing workers needs, and what a leak shows first.
      const memory = Object.fromEntries(Object.entries(process.memoryUsage()).map(([kind, bytes]) => [kind, Math.round(bytes / 1048576)]))
      context.logger.info({ batch: data.batchId, copies: result.copies, problems: result.problems.length, memoryMB: memory }, 'scan batch processed')
    } catch (error) {
      // What was done stays (pages, copies); the batch says why it stopped and can be run again.
      await context.payload
        .update({
          collection: 'scan-batches',
          id: data.batchId,
          data: { status: 'failed', problems: [{ page: null, code: 'internal', message: `Processing stopped: ${(error as Error).message}. Run the batch again to resume.` }] },
          overrideAccess: true,
        })
        .catch(() => undefined)
      throw error
    }
  },
})
