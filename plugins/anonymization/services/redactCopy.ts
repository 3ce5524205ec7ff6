import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { readUpload, storeMedia } from '../../../storage/uploads'
import { redactionKey, zonesByPage, type IdentityZone } from '../lib/zones'

export type RedactCopyResult = { copyId: Id; status: 'done' | 'skipped' | 'stale' | 'none'; zones: number; pagesRasterised: number[] }

const unguessable = () => randomBytes(12).toString('hex')

/**
 * An update writes the whole copy as it read it: a concurrent write of the same copy (identification's
 * reading, a page edit) would be undone. Every background writer of an exam's copies takes its lock.
 */
const underExamLock = <T>({ payload, examId, work }: { payload: Payload; examId: Id | undefined; work: () => Promise<T> }): Promise<T> =>
  examId === undefined ? work() : withLock({ payload, key: examCopiesLock(examId), work })

/**
 * Renders a copy's redacted PDF and thumbnail from its current PDF and zones and links them to the copy,
 * unless the copy changed meanwhile (its own change queued the next run). The file names are random: the
 * renditions' addresses say nothing, and the originals' addresses are refused to teachers anyway.
 */
/**
 * The copy as the job was queued for: the write that queued it may not be committed when the job starts, so
 * a stored key other than the queued one is waited for a little (then the current state is what counts).
 */
const copyAsQueued = async ({ payload, copyId, key }: { payload: Payload; copyId: Id; key?: string }) => {
  for (let attempt = 0; ; attempt++) {
    const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true })
    if (!key || copy.redaction?.key === key || attempt >= 40) return copy
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

export const redactCopy = async ({ payload, copyId, key: queuedKey, dpi }: { payload: Payload; copyId: Id; key?: string; dpi?: number }): Promise<RedactCopyResult> => {
  const copy = await copyAsQueued({ payload, copyId, key: queuedKey })
  const zones = (copy.identityZones ?? []) as IdentityZone[]
  const pdfId = idOf(copy.pdf)
  const key = redactionKey({ pdf: pdfId, zones })
  if (pdfId === undefined) return { copyId, status: 'none', zones: 0, pagesRasterised: [] }
  if (copy.redaction?.status === 'done' && copy.redaction.key === key && idOf(copy.redaction.pdf) !== undefined) return { copyId, status: 'skipped', zones: zones.length, pagesRasterised: [] }

  const { redactPdf, renderThumbnail } = await import('../lib/index')
  const media = await payload.findByID({ collection: 'media', id: pdfId, depth: 0, overrideAccess: true })
  const original = await readUpload({ payload, collection: 'media', doc: media })
  const redacted = await redactPdf({ pdf: original, zones: zonesByPage(zones), dpi })
  const thumbnail = await renderThumbnail({ pdf: redacted.pdf })
  const examId = idOf(copy.exam)
  const pdfDoc = await storeMedia({ payload, bytes: redacted.pdf, name: `redacted-${unguessable()}.pdf`, mimetype: 'application/pdf', data: { kind: 'redacted-pdf', exam: examId, copy: copy.id } })
  const thumbDoc = await storeMedia({ payload, bytes: thumbnail, name: `redacted-${unguessable()}.webp`, mimetype: 'image/webp', data: { kind: 'redacted-thumbnail', exam: examId, copy: copy.id } })
  const updated = await underExamLock({
    payload,
    examId,
    work: () =>
      payload.update({
        collection: 'copies',
        id: copy.id,
        depth: 0,
        overrideAccess: true,
        data: { redaction: { status: 'done', key, pdf: pdfDoc.id, thumbnail: thumbDoc.id, zones: redacted.zonesPainted, renderedAt: new Date().toISOString(), error: null } },
      }),
  }).catch(() => undefined)
  if (!updated || String(idOf(updated.redaction?.pdf) ?? '') !== String(pdfDoc.id)) {
    // The copy moved on (or is gone) while this ran: these files describe nothing.
    for (const id of [pdfDoc.id, thumbDoc.id]) await payload.delete({ collection: 'media', id, overrideAccess: true }).catch(() => undefined)
    return { copyId, status: 'stale', zones: zones.length, pagesRasterised: redacted.pagesRasterised }
  }
  return { copyId, status: 'done', zones: redacted.zonesPainted, pagesRasterised: redacted.pagesRasterised }
}

/** Marks a copy's redaction as failed with the reason (shown to the admin), when its PDF cannot be rendered. */
export const markRedactionFailed = async ({ payload, copyId, error }: { payload: Payload; copyId: Id; error: Error }) => {
  const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, select: { exam: true }, disableErrors: true })
  if (!copy) return undefined
  return underExamLock({
    payload,
    examId: idOf(copy.exam),
    work: () => payload.update({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, data: { redaction: { status: 'failed', error: error.message.slice(0, 500) } } }),
  }).catch(() => undefined)
}
