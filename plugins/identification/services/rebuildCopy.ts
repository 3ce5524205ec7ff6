import { randomBytes } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { readUpload, storeMedia } from '../../../storage/uploads'
import { assembleCopyPages, type CopyPage } from '../lib/pages/index'
import type { CopyDoc } from './copies'

/** Original batch PDFs, read once per edit (repaired the way ingestion repaired them). */
export const batchSources = async ({ payload, pages }: { payload: Payload; pages: CopyPage[] }): Promise<Map<string, Uint8Array>> => {
  const { inspectScanIsolated } = await import('../../scan-pipeline/lib/index')
  const sources = new Map<string, Uint8Array>()
  for (const batchId of new Set(pages.map((p) => String(p.batch)))) {
    const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true })
    const original = await readUpload({ payload, collection: 'scan-batches', doc: batch })
    sources.set(batchId, (await inspectScanIsolated({ bytes: original, fileName: batch.filename ?? `batch-${batchId}.pdf` })).bytes)
  }
  return sources
}

/** The skew ingestion measured for each source page of these batches, to rebuild copies as straight. */
export const batchSkews = async ({ payload, pages }: { payload: Payload; pages: CopyPage[] }): Promise<(page: CopyPage) => number> => {
  const skews = new Map<string, number>()
  for (const batchId of new Set(pages.map((p) => String(p.batch)))) {
    const rows = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batchId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
    for (const row of rows.docs) skews.set(`${batchId}:${row.sourcePage}`, (row.analysis as { skewDegrees?: number } | null)?.skewDegrees ?? 0)
  }
  return (page) => skews.get(`${page.batch}:${page.sourcePage}`) ?? 0
}

export const pagesOf = (copy: CopyDoc): CopyPage[] =>
  (copy.pages ?? []).map((p: any) => ({ batch: idOf(p.batch)!, sourcePage: p.sourcePage, region: p.region ?? 'full', rotation: p.rotation ?? 0, blank: Boolean(p.blank) }))

/**
 * Stores a copy's new page list with a freshly assembled PDF and thumbnail. When the first page
 * changed, the header must be read again: the copy goes back to `pending` unless a person named it.
 */
export const rebuildCopy = async ({ payload, req, copy, pages, sources }: { payload: Payload; req?: PayloadRequest; copy: CopyDoc; pages: CopyPage[]; sources: Map<string, Uint8Array> }): Promise<CopyDoc> => {
  const { renderThumbnail } = await import('../../scan-pipeline/lib/index')
  const examId = idOf(copy.exam)!
  const pdf = await assembleCopyPages({ sources, pages, skewOf: await batchSkews({ payload, pages }) })
  const media = await storeMedia({ payload, bytes: pdf, name: `copy-${copy.anonymousId}.pdf`, mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: examId, copy: copy.id } })
  const first = pages[0]!
  const thumb = await renderThumbnail({ bytes: sources.get(String(first.batch))!, sourcePage: first.sourcePage, region: first.region, rotation: first.rotation, format: 'webp' })
  const thumbnail = await storeMedia({ payload, bytes: thumb, name: `thumb-${copy.anonymousId}.webp`, mimetype: 'image/webp', data: { kind: 'thumbnail', exam: examId, copy: copy.id } })
  const before = pagesOf(copy)[0]
  const firstChanged = !before || before.batch !== first.batch || before.sourcePage !== first.sourcePage || before.region !== first.region || before.rotation !== first.rotation
  const manual = copy.identification?.status === 'manual'
  const updated = await payload.update({
    collection: 'copies',
    id: copy.id,
    depth: 0,
    overrideAccess: true,
    req,
    data: {
      pages,
      pdf: media.id,
      thumbnail: thumbnail.id,
      ...(firstChanged && !manual ? { student: null, status: 'staging', identification: { status: 'pending', readings: null, headerCrop: null, candidates: null, confidence: null, reason: null } } : {}),
    } as never,
  })
  // The replaced files are no longer any copy's: remove them rather than leave orphans in storage.
  for (const old of [idOf(copy.pdf), idOf(copy.thumbnail)])
    if (old !== undefined) await payload.delete({ collection: 'media', id: old, overrideAccess: true, req }).catch(() => undefined)
  return updated as CopyDoc
}

/** A copy made by hand (split): keyed like ingestion's when that key is free, so re-ingesting finds it. */
export const createCopy = async ({ payload, req, examId, pages }: { payload: Payload; req?: PayloadRequest; examId: Id; pages: CopyPage[] }): Promise<CopyDoc> => {
  const first = pages[0]!
  const natural = `${first.batch}:${first.sourcePage}:${first.region}`
  const taken = await payload.count({ collection: 'copies', where: { sourceKey: { equals: natural } }, overrideAccess: true, req })
  return (await payload.create({
    collection: 'copies',
    overrideAccess: true,
    req,
    data: { exam: examId, sourceKey: taken.totalDocs ? `${natural}:manual-${randomBytes(3).toString('hex')}` : natural, status: 'staging', pages, identification: { status: 'pending' } } as never,
  })) as CopyDoc
}
