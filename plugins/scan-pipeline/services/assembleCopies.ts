import type * as mupdf from 'mupdf'
import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { storeMedia } from '../../../storage/uploads'
import type { PageAnalysis } from '../lib/types'
import { nameBookletCopies, printedStudentOf } from './booklets/nameBookletCopies'
import type { PageFacts } from './batchPlan'
import type { ScanSettings } from './limits'
import { loadPipeline } from './loadPipeline'
import { copyFieldsOf, type planBatch, sourceKeyOf, type Problem } from './planBatch'
import { isUniqueClash } from '../../../runtime/uniqueClash'

export type IngestProgress = (args: { done: number; total: number }) => Promise<void>

export type IngestResult = { copies: number; problems: Problem[]; /** the batch needs another run: call again */ more: boolean }

/** Page errors from the pipeline name file and page already; older stored analyses may not. */
export const namedPageError = (fileName: string, analysis: Pick<PageAnalysis, 'sourcePage' | 'error'>): string =>
  analysis.error!.message.startsWith(`${fileName} page `) ? analysis.error!.message : `${fileName} page ${analysis.sourcePage}: ${analysis.error!.message}`

export const markBatch = (payload: Payload, id: Id, data: Record<string, unknown>) =>
  payload.update({ collection: 'scan-batches', id, data: data as never, overrideAccess: true, depth: 0 })

/**
 * The plan made copies: each found again by its source key or created, its PDF cut from the batch (opened
 * by the caller from disk), its thumbnail rendered, until the run's time is up (`more`); then the batch's
 * problems and status. Idempotent like the rest of ingestion: a copy whose files a killed run stored gets them linked.
 */
export const assembleCopies = async ({
  payload,
  batchId,
  exam,
  examId,
  fileName,
  total,
  pages,
  plan,
  cutOn,
  planProblems,
  progress,
  settings,
  source,
}: {
  payload: Payload
  batchId: Id
  exam: Parameters<typeof nameBookletCopies>[0]['exam'] & { status?: string | null }
  examId: Id
  fileName: string
  total: number
  /** each page's skew and error, for cutting and for the batch's problems */
  pages: PageFacts
  plan: Awaited<ReturnType<typeof planBatch>>['plan']
  cutOn: Awaited<ReturnType<typeof planBatch>>['cutOn']
  planProblems: Problem[]
  progress: IngestProgress
  settings: ScanSettings
  source: mupdf.PDFDocument
}): Promise<IngestResult> => {
  const { mupdfAssembler, renderThumbnail } = await loadPipeline()
  const assembler = mupdfAssembler({ source, skewOf: (page) => pages.get(page)?.skewDegrees ?? 0 })
  const assemblyDeadline = Date.now() + settings.sliceMs
  // Booklets printed with a name name their copies (one pass under the exam's lock per run, before it returns).
  const toName: { copyId: Id; planned: (typeof plan.copies)[number] }[] = []
  const nameCopies = () => nameBookletCopies({ payload, exam, copies: toName.splice(0) })
  let assembled = 0
  // The copies earlier runs made, read once a run: a query per planned copy made every run of a big batch
  // slower than the one before.
  const made = await copiesBySourceKey({ payload, keys: plan.copies.map((planned) => sourceKeyOf(batchId, planned)) })
  for (const planned of plan.copies) {
    const sourceKey = sourceKeyOf(batchId, planned)
    // At least one copy a run, so a slow machine still makes progress; a copy is created by the run that cuts it.
    if (!made.get(sourceKey)?.pdf && assembled > 0 && Date.now() > assemblyDeadline) {
      await nameCopies()
      return { copies: 0, problems: [], more: true }
    }
    // A copy this run creates has no file stored for it yet: only copies of earlier runs are looked up for one.
    let createdNow = !made.has(sourceKey)
    const copy =
      made.get(sourceKey) ??
      (await payload
        .create({
          collection: 'copies',
          overrideAccess: true,
          depth: 0,
          data: {
            exam: examId,
            sourceKey,
            status: 'staging',
            ...copyFieldsOf({ batchId, planned }),
            // A booklet printed with a name is reserved for its code from the start: identification never reads it.
            identification: { status: 'pending', ...(printedStudentOf({ exam, planned }) !== undefined ? { method: 'qr-code' } : {}) },
          } as never,
        })
        .catch(async (error: unknown) => {
          // Another run of this batch made it meanwhile (a run the queue gave up on keeps going): that copy is this one.
          const other = isUniqueClash({ error, path: 'sourceKey' }) ? (await copiesBySourceKey({ payload, keys: [sourceKey] })).get(sourceKey) : undefined
          if (!other) throw error
          createdNow = false
          return other
        }))
    if (planned.booklet && !copy.student) toName.push({ copyId: copy.id, planned })
    if (!copy.pdf) {
      assembled++
      const pdf = await assembler.assemble(planned.pages)
      // A worker killed after storing a file but before linking it left that file: this run links it.
      const storedBefore = (kind: 'copy-pdf' | 'thumbnail') => (createdNow ? undefined : storedFileOf({ payload, copyId: copy.id, kind }))
      const media =
        (await storedBefore('copy-pdf')) ??
        (await storeMedia({ payload, bytes: pdf, name: `copy-${copy.anonymousId}.pdf`, mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: examId, copy: copy.id } }))
      const first = planned.pages[0]!
      // Rendered here, on the main thread: never a page the analysis could not render within its limits.
      const thumbnail = pages.get(first.sourcePage)?.error
        ? undefined
        : ((await storedBefore('thumbnail')) ??
          (await storeMedia({
            payload,
            bytes: await renderThumbnail({ doc: source, fileName, sourcePage: first.sourcePage, region: first.region, rotation: first.rotation, format: 'webp' }),
            name: `thumb-${copy.anonymousId}.webp`,
            mimetype: 'image/webp',
            data: { kind: 'thumbnail', exam: examId, copy: copy.id },
          })))
      await payload.update({ collection: 'copies', id: copy.id, data: { pdf: media.id, ...(thumbnail ? { thumbnail: thumbnail.id } : {}) } as never, overrideAccess: true, depth: 0 })
    }
  }

  await nameCopies()

  const problems: Problem[] = [
    ...planProblems,
    ...[...pages.values()].filter((a) => a.error).map((a) => ({ page: a.sourcePage, code: a.error!.code, message: namedPageError(fileName, a) })),
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

type MadeCopy = { id: Id; pdf?: unknown; student?: unknown; anonymousId?: string | null }

/** The batch's copies already created, by source key (in chunks: a batch may plan thousands). */
const copiesBySourceKey = async ({ payload, keys }: { payload: Payload; keys: string[] }): Promise<Map<string, MadeCopy>> => {
  const made = new Map<string, MadeCopy>()
  for (let at = 0; at < keys.length; at += 500) {
    const { docs } = await payload.find({
      collection: 'copies',
      where: { sourceKey: { in: keys.slice(at, at + 500) } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { sourceKey: true, pdf: true, student: true, anonymousId: true },
    })
    for (const doc of docs) made.set(doc.sourceKey as string, doc as MadeCopy)
  }
  return made
}

/** The media of this kind a previous run stored for the copy (a committed media document has its file). */
const storedFileOf = async ({ payload, copyId, kind }: { payload: Payload; copyId: Id; kind: 'copy-pdf' | 'thumbnail' }) => {
  const found = await payload.find({ collection: 'media', where: { and: [{ copy: { equals: copyId } }, { kind: { equals: kind } }] }, limit: 1, depth: 0, overrideAccess: true })
  return found.docs[0]
}
