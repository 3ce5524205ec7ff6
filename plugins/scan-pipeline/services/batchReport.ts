import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf, sameId } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import type { BoundaryEvidence } from '../lib/types'
import type { CutOn } from './planBatch'
import { recutBlockers } from './recut'

export type ReportCopy = {
  id: Id
  anonymousId: string
  status: string
  thumbnailUrl: string | null
  pages: { sourcePage: number; region: string; rotation: number; subjectPage: number | null }[]
  segmentation: { boundary: BoundaryEvidence | null; margin: number | null; unsure: boolean }
  anomalies: string[]
  identification: string
}

export type BatchReport = {
  batch: { id: Id; fileName: string; status: string; pagesTotal: number; copiesFound: number }
  exam: { id: Id; title: string; subject: Id | null; pagesPerCopy: number | null }
  cutOn: { boundary: BoundaryEvidence; subject: Id | null; pagesPerCopy: number | null; at: string | null } | null
  /** the exam's subject or pages per copy changed since the batch was cut */
  stale: boolean
  copies: ReportCopy[]
  /** copies a re-cut would undo a person's work on; empty when the batch can be cut again */
  blockers: { copy: Id; anonymousId: string; reason: string }[]
  problems: { page: number | null; code: string; message: string }[]
}

const fileUrl = (filename: unknown): string | null => (typeof filename === 'string' ? `/api/media/file/${encodeURIComponent(filename)}` : null)

/** The ingestion report of one batch: each copy, what decided where it starts, and how sure that is. */
export const batchReport = async ({ payload, req, batchId }: { payload: Payload; req: PayloadRequest; batchId: Id }): Promise<BatchReport> => {
  const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!batch) throw new NotFoundError(`Scan batch ${batchId} does not exist`)
  const examId = idOf(batch.exam)!
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req })
  const { docs } = await payload.find({ collection: 'copies', where: { 'pages.batch': { equals: batchId } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req })
  const thumbs = docs.map((c) => idOf(c.thumbnail)).filter((id) => id !== undefined)
  const media = thumbs.length
    ? (await payload.find({ collection: 'media', where: { id: { in: thumbs } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { filename: true } })).docs
    : []
  const filenames = new Map(media.map((m) => [String(m.id), m.filename]))
  const firstOf = (c: (typeof docs)[number]) => {
    const p = (c.pages ?? []).find((page) => sameId(page.batch, batchId))
    return (p?.sourcePage ?? 0) * 2 + (p?.region === 'right' || p?.region === 'bottom' ? 1 : 0)
  }
  const copies = [...docs].sort((a, b) => firstOf(a) - firstOf(b))
  const cutOn = (batch.cutOn ?? null) as CutOn | null
  const subject = idOf(exam.blankSubject) ?? null
  const pagesPerCopy = exam.pagesPerCopy ?? null
  return {
    batch: { id: batch.id, fileName: batch.filename ?? `batch-${batch.id}.pdf`, status: batch.status ?? 'queued', pagesTotal: batch.progress?.pagesTotal ?? 0, copiesFound: batch.progress?.copiesFound ?? 0 },
    exam: { id: exam.id, title: exam.title, subject, pagesPerCopy },
    cutOn: cutOn ? { boundary: cutOn.boundary, subject: cutOn.subject ?? null, pagesPerCopy: cutOn.pagesPerCopy ?? null, at: cutOn.at ?? null } : null,
    stale: Boolean(cutOn) && (String(cutOn!.subject ?? '') !== String(subject ?? '') || (cutOn!.pagesPerCopy ?? null) !== pagesPerCopy),
    copies: copies.map((c) => ({
      id: c.id,
      anonymousId: c.anonymousId ?? String(c.id),
      status: c.status ?? 'staging',
      thumbnailUrl: fileUrl(filenames.get(String(idOf(c.thumbnail)))),
      pages: (c.pages ?? []).map((p) => ({ sourcePage: p.sourcePage, region: p.region ?? 'full', rotation: p.rotation ?? 0, subjectPage: p.subjectPage ?? null })),
      segmentation: { boundary: (c.segmentation?.boundary ?? null) as BoundaryEvidence | null, margin: c.segmentation?.margin ?? null, unsure: Boolean(c.segmentation?.unsure) },
      anomalies: Array.isArray(c.anomalies) ? (c.anomalies as string[]) : [],
      identification: c.identification?.status ?? 'pending',
    })),
    blockers: await recutBlockers({ payload, batchId, examId, req }),
    problems: (batch.problems ?? []).map((p) => ({ page: p.page ?? null, code: p.code ?? '', message: p.message ?? '' })),
  }
}
