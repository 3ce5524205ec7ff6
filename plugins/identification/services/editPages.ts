import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf, sameId } from '../../../collections/relations'
import { BadRequestError, ConflictError, NotFoundError } from '../../../runtime/errors'
import { enqueue } from '../../../jobs/queue'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { logger } from '../../../runtime/logger'
import { afterCommit, inTransaction } from '../../../runtime/transaction'
import { assembleFromCopies, loadCopyPdf, mergePages, movePage, reorderPages, rotatePage, splitPages, tracePages, type TracedPage } from '../lib/pages/index'
import { readUpload } from '../../../storage/uploads'
import { IDENTIFY_EXAM } from '../jobs/identifyExam'
import { SETTLED_COPY_STATUSES, type CopyDoc } from './copies'
import { recordDecision } from './decisions'
import { batchSources, createCopy, pagesOf, rebuildCopy } from './rebuildCopy'

export type PageEdit =
  | { action: 'rotate'; copyId: Id; page: number; by: number }
  | { action: 'reorder'; copyId: Id; order: number[] }
  | { action: 'move-page'; copyId: Id; page: number; toCopyId: Id; position?: number }
  | { action: 'split'; copyId: Id; at: number }
  | { action: 'merge'; copyId: Id; fromCopyId: Id }

/** The copies rebuilt (a split adds one) and the ones removed (emptied by a move, absorbed by a merge). */
export type PageEditResult = { copies: CopyDoc[]; deleted: Id[]; removed: { id: Id; anonymousId: string }[] }

const loadCopy = async ({ payload, req, id }: { payload: Payload; req?: PayloadRequest; id: Id }): Promise<CopyDoc> => {
  const copy = await payload.findByID({ collection: 'copies', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!copy) throw new NotFoundError(`Copy ${id} does not exist`)
  // Marks and annotations are tied to page numbers: once marking started, pages stay put.
  if (SETTLED_COPY_STATUSES.includes(copy.status)) throw new ConflictError(`Copy ${copy.anonymousId} is already being marked ("${copy.status}"); its pages cannot change`)
  return copy as CopyDoc
}

const sameExam = (a: CopyDoc, b: CopyDoc) => {
  if (!sameId(a.exam, b.exam)) throw new BadRequestError('Both copies must belong to the same exam')
  if (a.id === b.id) throw new BadRequestError('Choose two different copies')
}

/** Every hand fix of a scan: change the page lists, rebuild the PDFs, log it, and read new first pages again. */
export const editPages = async ({ payload, req, edit }: { payload: Payload; req?: PayloadRequest; edit: PageEdit }): Promise<PageEditResult> => {
  const examId = idOf((await loadCopy({ payload, req, id: edit.copyId })).exam)!
  // A copy being marked is refused at once, not after waiting for the exam's lock behind a running job.
  if (edit.action === 'move-page') await loadCopy({ payload, req, id: edit.toCopyId })
  if (edit.action === 'merge') await loadCopy({ payload, req, id: edit.fromCopyId })
  // One writer of the exam's copies at a time: the identify job updating a copy this edit deletes would
  // bring it back (an update is an upsert on PostgreSQL), with pages that now belong to another copy.
  return withLock({
    payload,
    key: examCopiesLock(examId),
    // …and as one decision: every copy rebuilt, the log written and the emptied copies removed, or nothing.
    work: () => inTransaction({ payload, req, work: (tx) => editUnderLock({ payload, req: tx, edit, examId }) }),
  })
}

/**
 * An edit made by the identification job itself (`auto`: why), not a person: logged as automatic with its reason,
 * and no identification queued after it — the job reads the copies it made.
 */
export type AutomaticEdit = { reason: string }

/** `editPages` inside the exam's lock and a transaction the caller holds. */
export const editUnderLock = async ({ payload, req, edit, examId, auto }: { payload: Payload; req: PayloadRequest; edit: PageEdit; examId: Id; auto?: AutomaticEdit }): Promise<PageEditResult> => {
  // Read again under the lock: another writer may have changed it meanwhile.
  const copy = await loadCopy({ payload, req, id: edit.copyId })
  // Each page remembers where it is drawn now, so the new PDFs can be made of the copies' own pages.
  const pages = tracePages({ copy: copy.id, pages: pagesOf(copy) })
  const plan: { copy: CopyDoc; pages: TracedPage[] }[] = []
  // Copies the edit empties (a move of their last page) or absorbs (a merge): removed once all is rebuilt.
  const removed: CopyDoc[] = []
  // Every copy whose pages the edit takes, to read its PDF.
  const involved: CopyDoc[] = [copy]
  let created: TracedPage[] | undefined

  switch (edit.action) {
    case 'rotate':
      plan.push({ copy, pages: rotatePage({ pages, index: edit.page, by: edit.by }) })
      break
    case 'reorder':
      plan.push({ copy, pages: reorderPages({ pages, order: edit.order }) })
      break
    case 'split': {
      const { head, tail } = splitPages({ pages, at: edit.at })
      plan.push({ copy, pages: head })
      created = tail
      break
    }
    case 'move-page': {
      const target = await loadCopy({ payload, req, id: edit.toCopyId })
      sameExam(copy, target)
      involved.push(target)
      const moved = movePage({ from: pages, to: tracePages({ copy: target.id, pages: pagesOf(target) }), index: edit.page, position: edit.position })
      if (moved.from.length) plan.push({ copy, pages: moved.from })
      else removed.push(copy)
      plan.push({ copy: target, pages: moved.to })
      break
    }
    case 'merge': {
      const other = await loadCopy({ payload, req, id: edit.fromCopyId })
      sameExam(copy, other)
      if (idOf(other.student) !== undefined && idOf(copy.student) !== undefined && !sameId(other.student, copy.student))
        throw new ConflictError(`Copies ${copy.anonymousId} and ${other.anonymousId} belong to different students: un-name one first`)
      involved.push(other)
      plan.push({ copy, pages: mergePages({ first: pages, second: tracePages({ copy: other.id, pages: pagesOf(other) }) }) })
      removed.push(other)
      break
    }
  }

  const build = await pdfBuilder({ payload, req, copies: involved, pages: [...plan.flatMap((p) => p.pages), ...(created ?? [])] })
  const results: CopyDoc[] = []
  const turn = edit.action === 'rotate' ? { page: edit.page, by: edit.by } : undefined
  for (const step of plan) results.push(await rebuildCopy({ payload, req, copy: step.copy, pages: step.pages, ...(await build(step.pages)), turn: step.copy === copy ? turn : undefined }))
  if (created) {
    const fresh = await createCopy({ payload, req, examId, pages: created })
    results.push(await rebuildCopy({ payload, req, copy: fresh, pages: created, ...(await build(created)) }))
  }

  // The decision is written while every copy it names still exists (the foreign key refuses a removed
  // one); removing a copy then sets its reference to null, and `removed` keeps which copy that was.
  const deleted = removed.map((c) => c.id)
  const gone = removed.map((c) => ({ id: c.id, anonymousId: c.anonymousId as string }))
  await recordDecision({
    payload,
    req,
    exam: examId,
    copy: copy.id,
    action: edit.action,
    ...(auto ? { method: 'auto' as const } : {}),
    details: {
      edit,
      ...(auto ? { automatic: true, reason: auto.reason } : {}),
      copies: results.map((c) => ({ id: c.id, anonymousId: c.anonymousId, pages: pagesOf(c) })),
      deleted,
      removed: gone,
    },
  })
  for (const id of deleted) await payload.delete({ collection: 'copies', id, overrideAccess: true, req })
  // Queued once the edit stands: a job started earlier would read the copies as they were.
  if (!auto && results.some((c) => c.identification?.status === 'pending'))
    await afterCommit(req, async () => {
      await enqueue({ name: IDENTIFY_EXAM, data: { examId } }).catch((err: Error) => logger.error({ err, exam: examId }, 'could not enqueue identification after a page edit'))
    })
  return { copies: results, deleted, removed: gone }
}

/**
 * How the edited copies' PDFs are made. From the copies' own PDFs when each holds one page per page of
 * its copy (every ingested or rebuilt copy does): an edit then reads a few small files, and a turn costs
 * what the turned page costs. Otherwise (a copy without its PDF yet) from the original batches, read
 * and repaired whole as ingestion read them: right, but seconds on a batch of hundreds of pages.
 */
const pdfBuilder = async ({ payload, req, copies, pages }: { payload: Payload; req: PayloadRequest; copies: CopyDoc[]; pages: TracedPage[] }) => {
  const pdfs = new Map<string, Awaited<ReturnType<typeof loadCopyPdf>>>()
  for (const c of copies) {
    const mediaId = idOf(c.pdf)
    const media = mediaId === undefined ? null : await payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true, req, disableErrors: true })
    const bytes = media ? await readUpload({ payload, collection: 'media', doc: media }).catch(() => undefined) : undefined
    const pdf = bytes ? await loadCopyPdf(bytes).catch(() => undefined) : undefined
    if (!pdf || pdf.getPageCount() !== pagesOf(c).length) {
      const sources = await batchSources({ payload, pages })
      return async () => ({ sources })
    }
    pdfs.set(String(c.id), pdf)
  }
  return async (edited: TracedPage[]) => ({ pdf: await assembleFromCopies({ pdfs, pages: edited }) })
}
