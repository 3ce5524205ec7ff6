import type { Payload } from 'payload'

import { localFileOfUpload } from '../../../storage/uploads'
import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import { ScanInputError } from '../lib/errors'
import type { LayoutOption } from '../lib/types'
import { scanSettingsFromEnv, type ScanSettings } from './limits'
import { assembleCopies, markBatch, namedPageError, type IngestProgress, type IngestResult } from './assembleCopies'
import { loadPipeline } from './loadPipeline'
import { analyseNextSlice, storedAnalyses, storedPageErrors } from './analysisSlices'
import { forgetBatchPlan, planOfBatch } from './batchPlan'
import { openLanes } from './lanes'
import type { Problem } from './planBatch'

export type { IngestProgress, IngestResult } from './assembleCopies'


/** How long the batch's job waits, when every slice left is being analysed by a lane, before it looks again. */
const LANE_WAIT_MS = 1_000

/** How long a job waits for the batch that queued it to be committed (the upload's transaction ends after its hooks). */
const COMMIT_WAIT_MS = 60_000

/**
 * The batch, once the upload that created it has committed. The job is queued by the batch's own hook, inside
 * the upload's transaction, and a worker can start it before that transaction ends (a gigabyte's upload
 * commits after its file is in place): it waits for the row instead of failing on a batch "not found".
 */
const committedBatch = async ({ payload, batchId }: { payload: Payload; batchId: Id }) => {
  const deadline = Date.now() + COMMIT_WAIT_MS
  for (;;) {
    const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true, disableErrors: true })
    if (batch) return batch
    if (Date.now() > deadline) throw new NotFoundError(`Scan batch ${batchId} does not exist (deleted before it was processed?)`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Turns one uploaded batch into copies, a slice at a time: a run analyses at most `slicePages` pages, or
 * assembles at most that many copies, then answers `more` so the job can make room for other batches
 * before it goes on. Every step is idempotent: analysed pages are stored one by one (a crash resumes
 * after the last one), copies are found again by their source key, and a copy whose PDF was not stored
 * yet gets it on the next run. Bad pages are recorded, the rest goes on.
 */
export const ingestBatch = async ({
  payload,
  batchId,
  progress,
  settings = scanSettingsFromEnv(),
}: {
  payload: Payload
  batchId: Id
  progress: IngestProgress
  settings?: ScanSettings
}): Promise<IngestResult> => {
  const batch = await committedBatch({ payload, batchId })
  const examId = idOf(batch.exam)!
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true })
  const fileName = batch.filename ?? `batch-${batchId}.pdf`
  await markBatch(payload, batchId, { status: 'processing' })
  if ((exam.status ?? 'draft') === 'draft') await payload.update({ collection: 'exams', id: examId, data: { status: 'processing' }, overrideAccess: true })

  // The batch is read where it lies (a temporary copy only with cloud storage): the analysis workers and the
  // assembly take the pages they need from disk, so a batch of a gigabyte is never held in memory.
  const scan = await localFileOfUpload({ payload, collection: 'scan-batches', doc: batch })
  try {
    return await ingestFile({ payload, batchId, batch, exam, examId, fileName, progress, settings, path: scan.path })
  } finally {
    await scan.release()
  }
}

const ingestFile = async ({
  payload,
  batchId,
  batch,
  exam,
  examId,
  fileName,
  progress,
  settings,
  path,
}: {
  payload: Payload
  batchId: Id
  batch: { progress?: { pagesTotal?: number | null } | null; layout?: string | null }
  exam: Awaited<ReturnType<Payload['findByID']>> & { layout?: string | null; status?: string | null }
  examId: Id
  fileName: string
  progress: IngestProgress
  settings: ScanSettings
  path: string
}): Promise<IngestResult> => {
  const { inspectScanFileIsolated, openMupdfFile } = await loadPipeline()
  const { limits } = settings
  // Until every page is in, a run needs only which pages are stored (and which failed), not their analyses:
  // reading them all back on every run made each run, and the worker's memory, grow with the batch.
  const stored = await storedPageErrors({ payload, batchId })
  const known = batch.progress?.pagesTotal ?? 0
  // Once a run has analysed pages the page count is known: only a batch's first run inspects the file (the
  // later ones, analysing or assembling, read it where they need to).
  const started = known > 0 && stored.size > 0
  let total = known
  if (!started) {
    try {
      total = (await inspectScanFileIsolated({ path, fileName, limits, timeoutMs: Math.max(settings.checkMs, 120_000) })).pageCount
    } catch (error) {
      if (!(error instanceof ScanInputError)) throw error
      const problem = { page: error.page ?? null, code: error.code, message: error.message }
      await markBatch(payload, batchId, { status: 'failed', problems: [problem] })
      return { copies: 0, problems: [problem], more: false }
    }
  }
  await markBatch(payload, batchId, { progress: { pagesDone: stored.size, pagesTotal: total, copiesFound: 0 } })
  // More pages than one slice: lanes (jobs any worker may take) analyse other slices beside this one.
  if (!started && total > settings.slicePages) await openLanes({ batchId, lanes: Math.min(settings.lanes, Math.ceil(total / settings.slicePages)) - 1 })

  const layout = (batch.layout ?? exam.layout ?? 'auto') as LayoutOption
  if (stored.size < total) {
    const slice = await analyseNextSlice({ payload, batchId, fileName, path, layout, total, stored, settings, progress })
    // The slice's pages are never among the stored ones (a slice is taken from the pages not stored).
    const done = stored.size + slice.analysed.length
    const failed = [...stored.values()].filter(Boolean).length + slice.analysed.filter((a) => a.error).length
    // Every page failing so far, and enough of them: a hostile or unusable file, not a scan with bad pages.
    if (failed >= settings.failFastPages && failed === done && done < total) {
      // Their analyses say why: the earlier runs' read back (a few pages), this run's as analysed.
      const earlier = stored.size ? [...(await storedAnalyses({ payload, batchId })).values()].filter((a) => stored.has(a.sourcePage)) : []
      const problems: Problem[] = [
        {
          page: null,
          code: 'too_many_failed_pages',
          message: `${fileName}: its first ${failed} pages all failed; processing stopped (the file does not look like a usable scan)`,
        },
        ...[...earlier, ...slice.analysed].filter((a) => a.error).map((a) => ({ page: a.sourcePage, code: a.error!.code, message: namedPageError(fileName, a) })),
      ]
      await markBatch(payload, batchId, { status: 'failed', problems })
      return { copies: 0, problems, more: false }
    }
    // Every slice left is in a lane's hands: come back once they have stored it (or their claim has expired).
    if (!slice.claimed) await new Promise((resolve) => setTimeout(resolve, LANE_WAIT_MS))
    // Pages stored by lanes meanwhile count too: the plan needs every page.
    if ((await payload.count({ collection: 'scan-pages', where: { batch: { equals: batchId } }, overrideAccess: true })).totalDocs < total) return { copies: 0, problems: [], more: true }
  }

  // Every page is in: the plan, made once for all the runs that assemble the batch (the blank subject read then).
  const planned = await planOfBatch({ payload, batchId, exam, fileName, settings, total })
  const source = openMupdfFile({ path, fileName })
  try {
    const result = await assembleCopies({ payload, batchId, exam, examId, fileName, total, ...planned, progress, settings, source })
    if (!result.more) forgetBatchPlan(batchId)
    return result
  } catch (error) {
    forgetBatchPlan(batchId)
    throw error
  } finally {
    source.destroy()
  }
}
