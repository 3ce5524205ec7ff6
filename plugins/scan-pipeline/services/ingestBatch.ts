import type { Payload } from 'payload'

import { readUpload, storeMedia } from '../../../storage/uploads'
import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { COUNTERS, bump } from '../../../runtime/counters'
import { ScanInputError } from '../lib/errors'
import type { LayoutOption, PageAnalysis } from '../lib/types'
import { scanSettingsFromEnv, type ScanSettings } from './limits'
import { nameBookletCopies, printedStudentOf } from './booklets/nameBookletCopies'
import { copyFieldsOf, planBatch, sourceKeyOf, type Problem } from './planBatch'

/**
 * Next bundles the Payload config to render the admin; the pipeline (worker threads, wasm) only ever
 * runs in jobs, under Node, so the bundler is told not to follow this import.
 */
const loadPipeline = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/index')

export type IngestProgress = (args: { done: number; total: number }) => Promise<void>

/** Page errors from the pipeline name file and page already; older stored analyses may not. */
const namedPageError = (fileName: string, analysis: PageAnalysis): string =>
  analysis.error!.message.startsWith(`${fileName} page `) ? analysis.error!.message : `${fileName} page ${analysis.sourcePage}: ${analysis.error!.message}`

const markBatch = (payload: Payload, id: Id, data: Record<string, unknown>) =>
  payload.update({ collection: 'scan-batches', id, data: data as never, overrideAccess: true, depth: 0 })

export type IngestResult = { copies: number; problems: Problem[]; /** the batch needs another run: call again */ more: boolean }

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
  const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true })
  const examId = idOf(batch.exam)!
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true })
  const fileName = batch.filename ?? `batch-${batchId}.pdf`
  await markBatch(payload, batchId, { status: 'processing' })
  if ((exam.status ?? 'draft') === 'draft') await payload.update({ collection: 'exams', id: examId, data: { status: 'processing' }, overrideAccess: true })

  const { inspectScanIsolated, analyzePages, openAssembler, renderThumbnail } = await loadPipeline()
  const { limits } = settings
  const original = await readUpload({ payload, collection: 'scan-batches', doc: batch })
  const stored = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batchId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const analyses = new Map<number, PageAnalysis>(stored.docs.map((doc) => [doc.sourcePage as number, doc.analysis as PageAnalysis]))
  const known = batch.progress?.pagesTotal ?? 0
  // Between the first slice and the last, the page count is known and mupdf reads the file as uploaded
  // (it repairs in memory, with the same page numbers): only the first slice (limits, page count) and
  // the last (pdf-lib needs the repaired bytes to assemble) open it in full.
  const midway = known > 0 && analyses.size > 0 && analyses.size < known
  let bytes = original
  let total = known
  if (!midway) {
    try {
      const info = await inspectScanIsolated({ bytes: original, fileName, limits, timeoutMs: Math.max(settings.checkMs, 120_000) })
      bytes = info.bytes
      total = info.pageCount
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
      bytes,
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
  const assembler = await openAssembler({ sourceBytes: bytes, skewOf: (page) => analyses.get(page)?.skewDegrees ?? 0 })
  const assemblyDeadline = Date.now() + settings.sliceMs
  // Booklets printed with a name name their copies (one pass under the exam's lock per run, before it returns).
  const toName: { copyId: Id; planned: (typeof plan.copies)[number] }[] = []
  const nameCopies = () => nameBookletCopies({ payload, exam, copies: toName.splice(0) })
  let assembled = 0
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
          ...copyFieldsOf({ batchId, planned }),
          // A booklet printed with a name is reserved for its code from the start: identification never reads it.
          identification: { status: 'pending', ...(printedStudentOf({ exam, planned }) !== undefined ? { method: 'qr-code' } : {}) },
        } as never,
      }))
    if (planned.booklet && !copy.student) toName.push({ copyId: copy.id, planned })
    if (!copy.pdf) {
      // At least one copy a run, so a slow machine still makes progress.
      if (assembled > 0 && Date.now() > assemblyDeadline) {
        await nameCopies()
        return { copies: 0, problems: [], more: true }
      }
      assembled++
      const pdf = await assembler.assemble(planned.pages)
      // A worker killed after storing a file but before linking it left that file: this run links it.
      const media =
        (await storedFileOf({ payload, copyId: copy.id, kind: 'copy-pdf' })) ??
        (await storeMedia({ payload, bytes: pdf, name: `copy-${copy.anonymousId}.pdf`, mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: examId, copy: copy.id } }))
      const first = planned.pages[0]!
      // Rendered here, on the main thread: never a page the analysis could not render within its limits.
      const thumbnail = analyses.get(first.sourcePage)?.error
        ? undefined
        : ((await storedFileOf({ payload, copyId: copy.id, kind: 'thumbnail' })) ??
          (await storeMedia({
            payload,
            bytes: await renderThumbnail({ bytes, fileName, sourcePage: first.sourcePage, region: first.region, rotation: first.rotation, format: 'webp' }),
            name: `thumb-${copy.anonymousId}.webp`,
            mimetype: 'image/webp',
            data: { kind: 'thumbnail', exam: examId, copy: copy.id },
          })))
      await payload.update({ collection: 'copies', id: copy.id, data: { pdf: media.id, ...(thumbnail ? { thumbnail: thumbnail.id } : {}) } as never, overrideAccess: true })
    }
  }

  await nameCopies()

  const problems: Problem[] = [
    ...planProblems,
    ...[...analyses.values()].filter((a) => a.error).map((a) => ({ page: a.sourcePage, code: a.error!.code, message: namedPageError(fileName, a) })),
    ...plan.anomalies.map((message) => ({ page: null, code: 'anomaly', message })),
    ...plan.copies.flatMap((c) => c.anomalies.map((message) => ({ page: c.pages[0]?.sourcePage ?? null, code: 'copy_anomaly', message }))),
  ]
  const pageErrors = problems.some((p) => p.code !== 'anomaly' && p.code !== 'copy_anomaly')
  await markBatch(payload, batchId, {
    status: pageErrors ? 'partial' : 'done',
    problems,
    cutOn,
    progress: { pagesDone: total, pagesTotal: total, copiesFound: plan.copies.length },
  })
  if (['draft', 'processing'].includes(exam.status ?? 'draft')) await payload.update({ collection: 'exams', id: examId, data: { status: 'identifying' }, overrideAccess: true })
  await progress({ done: total + 1, total: total + 1 })
  return { copies: plan.copies.length, problems, more: false }
}

/** The media of this kind a previous run stored for the copy (a committed media document has its file). */
const storedFileOf = async ({ payload, copyId, kind }: { payload: Payload; copyId: Id; kind: 'copy-pdf' | 'thumbnail' }) => {
  const found = await payload.find({ collection: 'media', where: { and: [{ copy: { equals: copyId } }, { kind: { equals: kind } }] }, limit: 1, depth: 0, overrideAccess: true })
  return found.docs[0]
}
