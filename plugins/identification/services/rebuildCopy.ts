import { randomBytes } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { readUpload, storeMedia } from '../../../storage/uploads'
import type { IdentityZone } from '../../../collections/identity-zones'
import { assembleCopyPages, plainPage, turnZones, uprightSize, type CopyPage } from '../lib/pages/index'
import { afterCommit } from '../../../runtime/transaction'
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

/** A page's size before it was turned `by` degrees, from its size after. */
const turnedBack = ({ size, by }: { size: { width: number; height: number }; by: number }) => (by % 180 === 0 ? size : { width: size.height, height: size.width })

export const pagesOf = (copy: CopyDoc): CopyPage[] =>
  (copy.pages ?? []).map((p: any) => ({ batch: idOf(p.batch)!, sourcePage: p.sourcePage, region: p.region ?? 'full', rotation: p.rotation ?? 0, blank: Boolean(p.blank), ...(p.subjectPage ? { subjectPage: p.subjectPage } : {}) }))

/**
 * Stores a copy's new page list with a freshly assembled PDF and thumbnail. When another page became
 * the first, the header must be read again: the copy goes back to `pending` unless a person named it.
 * A turned page is still the same writing: a named copy keeps its student, and the zones found on that
 * page turn with it (`turn`, the page's index and the quarter turns it was given); an unnamed copy's
 * first page is read again the right way up. Pages put in another order (`order`, old index of each new
 * page) are the same copy's writing: its reading and student stay, its zones follow their pages.
 * The PDF is assembled from the batches (`sources`) unless the caller made it already (`pdf`, from the
 * copies' own PDFs: a desk edit), in which case the thumbnail is drawn from it too.
 */
export const rebuildCopy = async ({
  payload,
  req,
  copy,
  pages: traced,
  sources,
  pdf: built,
  turn,
  order,
}: {
  payload: Payload
  req?: PayloadRequest
  copy: CopyDoc
  pages: CopyPage[]
  turn?: { page: number; by: number }
  order?: number[]
} & ({ sources: Map<string, Uint8Array>; pdf?: undefined } | { pdf: Uint8Array; sources?: undefined })): Promise<CopyDoc> => {
  // What is stored: the pages alone, without what an edit attached to them on the way.
  const pages = traced.map(plainPage)
  const examId = idOf(copy.exam)!
  const pdf = built ?? (await assembleCopyPages({ sources: sources!, pages, skewOf: await batchSkews({ payload, pages }) }))
  // A name of its own for every rebuild: the file URLs change with the content, so no browser shows a
  // cached picture of the pages as they were (a freed name would otherwise come back two edits later).
  const edition = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`
  const media = await storeMedia({ payload, req, bytes: pdf, name: `copy-${copy.anonymousId}-${edition}.pdf`, mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: examId, copy: copy.id } })
  const first = pages[0]!
  const thumb = await thumbnailOf({ pdf, built: built !== undefined, sources, first })
  const thumbnail = await storeMedia({ payload, req, bytes: thumb, name: `thumb-${copy.anonymousId}-${edition}.webp`, mimetype: 'image/webp', data: { kind: 'thumbnail', exam: examId, copy: copy.id } })
  const before = pagesOf(copy)[0]
  const samePage = Boolean(before) && String(before!.batch) === String(first.batch) && before!.sourcePage === first.sourcePage && before!.region === first.region
  const firstChanged = !samePage || before!.rotation !== first.rotation
  const manual = copy.identification?.status === 'manual'
  const named = idOf(copy.student) !== undefined
  const reread = firstChanged && !manual && !(samePage && named) && !order
  const zones = (copy.identityZones ?? []) as IdentityZone[]
  const movedZones = order ? zones.map((z) => ({ ...z, page: order.indexOf(z.page) })).filter((z) => z.page >= 0) : undefined
  const turnedZones =
    turn && zones.some((z) => z.page === turn.page)
      ? turnZones({ zones, page: turn.page, by: turn.by, upright: turnedBack({ size: await uprightSize({ pdf, index: turn.page }), by: turn.by }) })
      : undefined
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
      ...(turnedZones ? { identityZones: turnedZones } : {}),
      ...(movedZones ? { identityZones: movedZones } : {}),
      ...(reread ? { student: null, status: 'staging', identification: { status: 'pending', readings: null, headerCrop: null, candidates: null, confidence: null, reason: null } } : {}),
    } as never,
  })
  // The replaced files are no longer any copy's: removed rather than left in storage, once the decision
  // stands (a file deleted before a rollback would be missing from the copy brought back).
  await afterCommit(req, () => removeMedia({ payload, req, ids: [idOf(copy.pdf), idOf(copy.thumbnail)] }))
  return updated as CopyDoc
}

/** The copy's first page, small: from the PDF just made when the edit made it, else from its batch page as ingestion does. */
const thumbnailOf = async ({ pdf, built, sources, first }: { pdf: Uint8Array; built: boolean; sources?: Map<string, Uint8Array>; first: CopyPage }): Promise<Uint8Array> => {
  if (built) {
    // Loaded on use: mupdf's wasm stays out of the admin bundle (Next follows the Payload config's imports).
    const { renderCopyPage } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/pages/renderPage')
    const webp = await renderCopyPage({ pdf, index: 0, width: 240, format: 'webp' })
    if (!webp) throw new Error('The rebuilt copy PDF has no first page')
    return webp
  }
  const { renderThumbnail } = await import('../../scan-pipeline/lib/index')
  return renderThumbnail({ bytes: sources!.get(String(first.batch))!, sourcePage: first.sourcePage, region: first.region, rotation: first.rotation, format: 'webp' })
}

const removeMedia = async ({ payload, req, ids }: { payload: Payload; req?: PayloadRequest; ids: (Id | undefined)[] }) => {
  for (const id of ids) {
    if (id === undefined) continue
    await payload.delete({ collection: 'media', id, overrideAccess: true, req }).catch((err: Error) => payload.logger.warn({ err, media: id }, 'a replaced copy file could not be removed'))
  }
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
    data: { exam: examId, sourceKey: taken.totalDocs ? `${natural}:manual-${randomBytes(3).toString('hex')}` : natural, status: 'staging', pages: pages.map(plainPage), identification: { status: 'pending' } } as never,
  })) as CopyDoc
}
