import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { enqueueLanes } from '../../../jobs/queue'
import { localFileOfUpload } from '../../../storage/uploads'
import type { LayoutOption } from '../lib/types'
import { analyseNextSlice, storedPageErrors } from './analysisSlices'
import type { IngestProgress } from './assembleCopies'
import { scanSettingsFromEnv, type ScanSettings } from './limits'

export const ANALYZE_SCAN_PAGES = 'analyze-scan-pages'

/**
 * A big batch's pages are analysed by several jobs at once, each taken by whichever worker is free (Agenda
 * locks each job to one): the batch's own job plus `lanes` more. Bounded per batch, and each lane goes back
 * in the queue after every slice, so one school's 2,000 pages never hold every worker.
 */
export const openLanes = async ({ batchId, lanes }: { batchId: Id; lanes: number }): Promise<void> => {
  await enqueueLanes({ name: ANALYZE_SCAN_PAGES, data: { batchId }, lanes })
}

/**
 * One run of a lane: the next slice nobody holds, analysed and stored. The batch's own job plans and cuts
 * the copies once every page is stored; a lane only analyses, and stops when nothing is left to claim.
 */
export const runLane = async ({
  payload,
  batchId,
  progress,
  settings = scanSettingsFromEnv(),
}: {
  payload: Payload
  batchId: Id
  progress: IngestProgress
  settings?: ScanSettings
}): Promise<{ more: boolean }> => {
  const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true, disableErrors: true })
  const total = batch?.progress?.pagesTotal ?? 0
  if (!batch || batch.status !== 'processing' || total === 0) return { more: false }
  const stored = await storedPageErrors({ payload, batchId })
  if (stored.size >= total) return { more: false }
  const exam = await payload.findByID({ collection: 'exams', id: idOf(batch.exam)!, depth: 0, overrideAccess: true })
  const layout = (batch.layout ?? exam.layout ?? 'auto') as LayoutOption
  const scan = await localFileOfUpload({ payload, collection: 'scan-batches', doc: batch })
  try {
    const fileName = batch.filename ?? `batch-${batchId}.pdf`
    const slice = await analyseNextSlice({ payload, batchId, fileName, path: scan.path, layout, total, stored, settings, progress })
    return { more: slice.claimed && slice.remaining > 0 }
  } finally {
    await scan.release()
  }
}
