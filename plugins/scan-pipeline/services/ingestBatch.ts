import type { Payload } from 'payload'

import { localFileOfUpload } from '../../../storage/uploads'
import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { COUNTERS, bump } from '../../../runtime/counters'
import { NotFoundError } from '../../../runtime/errors'
import { ScanInputError } from '../lib/errors'
import type { LayoutOption, PageAnalysis } from '../lib/types'
import { scanSettingsFromEnv, type ScanSettings } from './limits'
import { assembleCopies, markBatch, namedPageError, type IngestProgress, type IngestResult } from './assembleCopies'
import { loadPipeline } from './loadPipeline'
import { planBatch, type Problem } from './planBatch'

export type { IngestProgress, IngestResult } from './assembleCopies'


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
  const { inspectScanFileIsolated, analyzePages, openMupdfFile } = await loadPipeline()
  const { limits } = settings
  const stored = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batchId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const analyses = new Map<number, PageAnalysis>(stored.docs.map((doc) => [doc.sourcePage as number, doc.analysis as PageAnalysis]))
  const known = batch.progress?.pagesTotal ?? 0
  // Once a run has analysed pages the page count is known: only a batch's first run inspects the file (the
  // later ones, analysing or assembling, read it where they need to).
  const started = known > 0 && analyses.size > 0
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
  const remaining = Array.from({ length: total }, (_, i) => i + 1).filter((page) => !analyses.has(page))
  const slice = remaining.slice(0, settings.slicePages)
  await markBatch(payload, batchId, { progress: { pagesDone: analyses.size, pagesTotal: total, copiesFound: 0 } })

  const layout = (batch.layout ?? exam.layout ?? 'auto') as LayoutOption
  // Results arrive from the worker pool faster than they are written: write them in order, one at a time.
  let writes = Promise.resolve()
  if (slice.length) {
    await analyzePages({
      path,
      fileName,
      pages: slice,
      layout,
      limits,
      onProgress: ({ analysis }) => {
        analyses.set(analysis.sourcePage, analysis)
        bump(COUNTERS.scanPages, { outcome: analysis.error ? 'failed' : 'analysed' })
        const done = analyses.size
        writes = writes.then(async () => {
          await payload.create({
            collection: 'scan-pages',
            data: { batch: batchId, sourcePage: analysis.sourcePage, analysis, error: analysis.error?.message ?? null } as never,
            overrideAccess: true,
          })
          await markBatch(payload, batchId, { progress: { pagesDone: done, pagesTotal: total, copiesFound: 0 } })
          await progress({ done, total: total + 1 })
        })
      },
    })
    await writes
    const failed = [...analyses.values()].filter((a) => a.error)
    // Every page failing so far, and enough of them: a hostile or unusable file, not a scan with bad pages.
    if (failed.length >= settings.failFastPages && failed.length === analyses.size && analyses.size < total) {
      const problems: Problem[] = [
        {
          page: null,
          code: 'too_many_failed_pages',
          message: `${fileName}: its first ${failed.length} pages all failed; processing stopped (the file does not look like a usable scan)`,
        },
        ...failed.map((a) => ({ page: a.sourcePage, code: a.error!.code, message: namedPageError(fileName, a) })),
      ]
      await markBatch(payload, batchId, { status: 'failed', problems })
      return { copies: 0, problems, more: false }
    }
    if (slice.length < remaining.length) return { copies: 0, problems: [], more: true }
  }

  // The exam's blank subject, when attached, is read once here, for the whole plan.
  const { plan, cutOn, problems: planProblems } = await planBatch({ payload, exam, analyses: [...analyses.values()], fileName, settings })
  const source = openMupdfFile({ path, fileName })
  try {
    return await assembleCopies({ payload, batchId, exam, examId, fileName, total, analyses, plan, cutOn, planProblems, progress, settings, source })
  } finally {
    source.destroy()
  }
}
