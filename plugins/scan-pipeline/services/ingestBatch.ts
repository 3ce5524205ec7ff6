import type { Payload } from 'payload'

import { readUpload, storeMedia } from '../../../storage/uploads'
import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { ScanInputError } from '../lib/errors'
import type { LayoutOption, PageAnalysis, PlannedCopy } from '../lib/types'

/**
 * Next bundles the Payload config to render the admin; the pipeline (worker threads, wasm) only ever
 * runs in jobs, under Node, so the bundler is told not to follow this import.
 */
const loadPipeline = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/index')

export type IngestProgress = (args: { done: number; total: number }) => Promise<void>

type Problem = { page?: number | null; code: string; message: string }

/** A copy is identified within its batch by where it starts: re-running a batch finds it again. */
const sourceKeyOf = (batchId: Id, copy: PlannedCopy): string => {
  const first = copy.pages[0]!
  return `${batchId}:${first.sourcePage}:${first.region}`
}

const markBatch = (payload: Payload, id: Id, data: Record<string, unknown>) =>
  payload.update({ collection: 'scan-batches', id, data: data as never, overrideAccess: true, depth: 0 })

/**
 * Turns one uploaded batch into copies. Every step is idempotent: analysed pages are stored one by
 * one (a crash resumes after the last one), copies are found again by their source key, and a copy
 * whose PDF was not stored yet gets it on the next run. Bad pages are recorded, the rest goes on.
 */
export const ingestBatch = async ({ payload, batchId, progress }: { payload: Payload; batchId: Id; progress: IngestProgress }): Promise<{ copies: number; problems: Problem[] }> => {
  const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true })
  const examId = idOf(batch.exam)!
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true })
  const fileName = batch.filename ?? `batch-${batchId}.pdf`
  await markBatch(payload, batchId, { status: 'processing' })
  if ((exam.status ?? 'draft') === 'draft') await payload.update({ collection: 'exams', id: examId, data: { status: 'processing' }, overrideAccess: true })

  const { inspectScanIsolated, analyzePages, planCopies, openAssembler, renderThumbnail } = await loadPipeline()
  const original = await readUpload({ payload, collection: 'scan-batches', doc: batch })
  let info
  try {
    info = await inspectScanIsolated({ bytes: original, fileName })
  } catch (error) {
    if (!(error instanceof ScanInputError)) throw error
    const problem = { page: error.page ?? null, code: error.code, message: error.message }
    await markBatch(payload, batchId, { status: 'failed', problems: [problem] })
    return { copies: 0, problems: [problem] }
  }
  const bytes = info.bytes
  const total = info.pageCount

  const stored = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batchId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const analyses = new Map<number, PageAnalysis>(stored.docs.map((doc) => [doc.sourcePage as number, doc.analysis as PageAnalysis]))
  const remaining = Array.from({ length: total }, (_, i) => i + 1).filter((page) => !analyses.has(page))
  await markBatch(payload, batchId, { progress: { pagesDone: analyses.size, pagesTotal: total, copiesFound: 0 } })

  const layout = (batch.layout ?? exam.layout ?? 'auto') as LayoutOption
  // Results arrive from the worker pool faster than they are written: write them in order, one at a time.
  let writes = Promise.resolve()
  if (remaining.length) {
    await analyzePages({
      bytes,
      fileName,
      pages: remaining,
      layout,
      onProgress: ({ analysis }) => {
        analyses.set(analysis.sourcePage, analysis)
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
  }

  const plan = planCopies({ analyses: [...analyses.values()], expectedPagesPerCopy: exam.pagesPerCopy ?? undefined, fileName })
  const assembler = await openAssembler({ sourceBytes: bytes, skewOf: (page) => analyses.get(page)?.skewDegrees ?? 0 })
  for (const planned of plan.copies) {
    const sourceKey = sourceKeyOf(batchId, planned)
    const found = await payload.find({ collection: 'copies', where: { sourceKey: { equals: sourceKey } }, limit: 1, depth: 0, overrideAccess: true })
    const copy =
      found.docs[0] ??
      (await payload.create({
        collection: 'copies',
        overrideAccess: true,
        data: {
          exam: examId,
          sourceKey,
          status: 'staging',
          pages: planned.pages.map((p) => ({ batch: batchId, ...p })),
          anomalies: planned.anomalies,
          identification: { status: 'pending' },
        } as never,
      }))
    if (!copy.pdf) {
      const pdf = await assembler.assemble(planned.pages)
      const media = await storeMedia({ payload, bytes: pdf, name: `copy-${copy.anonymousId}.pdf`, mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: examId, copy: copy.id } })
      const first = planned.pages[0]!
      const thumb = await renderThumbnail({ bytes, fileName, sourcePage: first.sourcePage, region: first.region, rotation: first.rotation, format: 'webp' })
      const thumbnail = await storeMedia({ payload, bytes: thumb, name: `thumb-${copy.anonymousId}.webp`, mimetype: 'image/webp', data: { kind: 'thumbnail', exam: examId, copy: copy.id } })
      await payload.update({ collection: 'copies', id: copy.id, data: { pdf: media.id, thumbnail: thumbnail.id } as never, overrideAccess: true })
    }
  }

  const problems: Problem[] = [
    ...[...analyses.values()].filter((a) => a.error).map((a) => ({ page: a.sourcePage, code: a.error!.code, message: `${fileName} page ${a.sourcePage}: ${a.error!.message}` })),
    ...plan.anomalies.map((message) => ({ page: null, code: 'anomaly', message })),
    ...plan.copies.flatMap((c) => c.anomalies.map((message) => ({ page: c.pages[0]?.sourcePage ?? null, code: 'copy_anomaly', message }))),
  ]
  const pageErrors = problems.some((p) => p.code !== 'anomaly' && p.code !== 'copy_anomaly')
  await markBatch(payload, batchId, {
    status: pageErrors ? 'partial' : 'done',
    problems,
    progress: { pagesDone: total, pagesTotal: total, copiesFound: plan.copies.length },
  })
  if (['draft', 'processing'].includes(exam.status ?? 'draft')) await payload.update({ collection: 'exams', id: examId, data: { status: 'identifying' }, overrideAccess: true })
  await progress({ done: total + 1, total: total + 1 })
  return { copies: plan.copies.length, problems }
}
