import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { markingKeptBy } from '../../../collections/hooks/copy-deletion'
import { idOf, sameId } from '../../../collections/relations'
import { enqueue } from '../../../jobs/queue'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { ConflictError, NotFoundError } from '../../../runtime/errors'
import { logger } from '../../../runtime/logger'
import { recordDecision } from '../../identification/services/decisions'
import { PROCESS_SCAN_BATCH } from '../hooks/enqueueOnUpload'
import type { PageAnalysis, PlannedCopy } from '../lib/types'
import { copyFieldsOf, planBatch, sourceKeyOf, type Problem } from './planBatch'

type CopyRow = Record<string, any> & { id: Id; anonymousId?: string | null; status?: string | null }

/** Hand edits of pages (the identification desk's): a re-cut would undo them. */
const PAGE_EDITS = ['move-page', 'reorder', 'rotate', 'split', 'merge']
const FINISHED = ['done', 'partial']

export type RecutBlocker = { copy: Id; anonymousId: string; reason: string }
export type RecutResult = { batch: Id; kept: Id[]; created: Id[]; deleted: Id[]; assembling: boolean }

const pagesKey = (pages: { sourcePage: number; region?: string | null; rotation?: number | null }[]): string =>
  pages.map((p) => `${p.sourcePage}:${p.region ?? 'full'}:${p.rotation ?? 0}`).join('|')

const copiesOfBatch = async ({ payload, batchId, req }: { payload: Payload; batchId: Id; req?: PayloadRequest }): Promise<CopyRow[]> =>
  (await payload.find({ collection: 'copies', where: { 'pages.batch': { equals: batchId } }, depth: 0, limit: 0, pagination: false, sort: 'createdAt', overrideAccess: true, req })).docs as CopyRow[]

/** Copies a person has changed by hand, from the decision log: the copy acted on and every copy the edit touched. */
const handEditedCopies = async ({ payload, examId, req }: { payload: Payload; examId: Id; req?: PayloadRequest }): Promise<Set<string>> => {
  const { docs } = await payload.find({
    collection: 'identification-decisions' as never,
    where: { and: [{ exam: { equals: examId } }, { action: { in: PAGE_EDITS } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const ids = new Set<string>()
  for (const d of docs as { copy?: unknown; details?: { copies?: { id?: Id }[]; deleted?: Id[] } | null }[]) {
    if (idOf(d.copy) !== undefined) ids.add(String(idOf(d.copy)))
    for (const c of d.details?.copies ?? []) if (c?.id !== undefined) ids.add(String(c.id))
  }
  return ids
}

/**
 * Why the batch's copies cannot be cut again without losing a person's work: marking (a status past
 * `ready`, grades, annotations), pages edited by hand, or a student named by hand. Empty when it can.
 */
export const recutBlockers = async ({ payload, batchId, examId, req }: { payload: Payload; batchId: Id; examId: Id; req: PayloadRequest }): Promise<RecutBlocker[]> => {
  const copies = await copiesOfBatch({ payload, batchId, req })
  const edited = await handEditedCopies({ payload, examId, req })
  const blockers: RecutBlocker[] = []
  for (const copy of copies) {
    const anonymousId = copy.anonymousId ?? String(copy.id)
    const reasons: string[] = []
    const marking = await markingKeptBy({ req, copy })
    if (marking) reasons.push(marking.replace(/^copy \S+ /, ''))
    if (edited.has(String(copy.id))) reasons.push('its pages were edited by hand')
    else if ((copy.pages ?? []).some((p: { batch?: unknown }) => !sameId(p.batch, batchId))) reasons.push('it holds pages of another batch')
    if (copy.identification?.status === 'manual' || copy.identification?.method === 'manual') reasons.push('its student was named by hand')
    if (reasons.length) blockers.push({ copy: copy.id, anonymousId, reason: reasons.join(', ') })
  }
  return blockers
}

const blockedError = (fileName: string, blockers: RecutBlocker[]) =>
  new ConflictError(
    `${fileName} cannot be cut again: ${blockers.map((b) => `copy ${b.anonymousId} (${b.reason})`).join('; ')}. Nothing was changed; fix these copies by hand on the identification desk instead.`,
    { blockers },
  )

/**
 * Cuts an already processed batch again from its stored page analyses (no page is analysed again), with
 * what the exam knows now (its blank subject, its pages per copy). Copies that come out with the same
 * pages keep their id, name and files; vanished ones are deleted with their files; new ones are created
 * here and assembled by the batch's own job, which then hands them to identification.
 */
export const recutBatch = async ({ payload, batchId, req }: { payload: Payload; batchId: Id; req: PayloadRequest }): Promise<RecutResult> => {
  const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!batch) throw new NotFoundError(`Scan batch ${batchId} does not exist`)
  const fileName = batch.filename ?? `batch-${batchId}.pdf`
  const examId = idOf(batch.exam)!
  if (!FINISHED.includes(batch.status ?? 'queued'))
    throw new ConflictError(`${fileName} is "${batch.status}": only a batch whose processing is finished can be cut again`, { batch: batchId, status: batch.status })

  return withLock({
    payload,
    key: examCopiesLock(examId),
    work: async () => {
      // Under the lock: nobody edits, names or identifies this exam's copies while they are replaced.
      const blockers = await recutBlockers({ payload, batchId, examId, req })
      if (blockers.length) throw blockedError(fileName, blockers)
      const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req })
      const stored = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batchId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, req })
      const analyses = stored.docs.map((doc) => doc.analysis as PageAnalysis)
      const { plan, cutOn, problems: planProblems } = await planBatch({ payload, batchId, exam, analyses, fileName })

      const existing = await copiesOfBatch({ payload, batchId, req })
      const byPages = new Map(existing.map((c) => [pagesKey(c.pages ?? []), c]))
      const kept: Id[] = []
      const fresh: PlannedCopy[] = []
      for (const planned of plan.copies) {
        const same = byPages.get(pagesKey(planned.pages))
        if (!same) {
          fresh.push(planned)
          continue
        }
        byPages.delete(pagesKey(planned.pages))
        kept.push(same.id)
        // Same pages, same copy: only what the new cut knows about them changes (subject pages, evidence).
        await payload.update({ collection: 'copies', id: same.id, depth: 0, overrideAccess: true, req, data: copyFieldsOf({ batchId, planned }) as never })
      }
      const deleted: Id[] = []
      for (const vanished of byPages.values()) {
        // Its files (PDF, thumbnail, header crop, renditions) go with it: see collections/hooks/copy-deletion.
        await payload.delete({ collection: 'copies', id: vanished.id, overrideAccess: true, req })
        deleted.push(vanished.id)
      }
      const created: Id[] = []
      for (const planned of fresh) {
        const copy = await payload.create({
          collection: 'copies',
          overrideAccess: true,
          req,
          data: { exam: examId, sourceKey: sourceKeyOf(batchId, planned), status: 'staging', ...copyFieldsOf({ batchId, planned }), identification: { status: 'pending' } } as never,
        })
        created.push(copy.id)
      }

      const pageProblems = ((batch.problems ?? []) as Problem[]).filter((p) => !['anomaly', 'copy_anomaly', 'subject_unusable'].includes(p.code))
      const problems: Problem[] = [
        ...planProblems,
        ...pageProblems.map(({ page, code, message }) => ({ page, code, message })),
        ...plan.anomalies.map((message) => ({ page: null, code: 'anomaly', message })),
        ...plan.copies.flatMap((c) => c.anomalies.map((message) => ({ page: c.pages[0]?.sourcePage ?? null, code: 'copy_anomaly', message }))),
      ]
      const assembling = created.length > 0
      await payload.update({
        collection: 'scan-batches',
        id: batchId,
        depth: 0,
        overrideAccess: true,
        req,
        data: {
          cutOn,
          problems,
          progress: { ...batch.progress, copiesFound: plan.copies.length },
          // New copies are assembled by the batch's job, which sets the status back when it is done.
          ...(assembling ? { status: 'processing' } : {}),
        } as never,
      })
      await recordDecision({ payload, req, exam: examId, copy: undefined, action: 'recut', details: { batch: batchId, boundary: cutOn.boundary, subject: cutOn.subject, kept, created, deleted } })
      if (assembling) {
        try {
          await enqueue({ name: PROCESS_SCAN_BATCH, data: { batchId }, uniqueKey: { 'data.batchId': batchId } })
        } catch (err) {
          logger.error({ err, batch: batchId }, 'could not enqueue the re-cut batch')
          throw err
        }
      }
      return { batch: batchId, kept, created, deleted, assembling }
    },
  })
}

/** Every batch of an exam cut again; refused (nothing changed) if one of them cannot be. */
export const recutExam = async ({ payload, examId, req }: { payload: Payload; examId: Id; req: PayloadRequest }): Promise<RecutResult[]> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
  const { docs: batches } = await payload.find({ collection: 'scan-batches', where: { exam: { equals: examId } }, depth: 0, limit: 0, pagination: false, sort: 'createdAt', overrideAccess: true, req })
  const problems: string[] = []
  for (const batch of batches) {
    const fileName = batch.filename ?? `batch-${batch.id}.pdf`
    if (!FINISHED.includes(batch.status ?? 'queued')) problems.push(`${fileName} is "${batch.status}"`)
    const blockers = await recutBlockers({ payload, batchId: batch.id, examId, req })
    if (blockers.length) problems.push(`${fileName}: ${blockers.map((b) => `copy ${b.anonymousId} (${b.reason})`).join('; ')}`)
  }
  if (problems.length) throw new ConflictError(`The exam's batches cannot be cut again: ${problems.join(' — ')}. Nothing was changed.`, { problems })
  const results: RecutResult[] = []
  for (const batch of batches) results.push(await recutBatch({ payload, batchId: batch.id, req }))
  return results
}
