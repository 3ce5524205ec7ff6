import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../../collections/relations'
import { enqueue } from '../../../jobs/queue'
import { REDACT_COPY } from '../jobs/names'
import { mergeZones, redactionKey, type IdentityZone } from '../lib/zones'
import { examZoneOf } from '../services/examZone'

type RedactionGroup = { status?: string | null; key?: string | null; pdf?: unknown; thumbnail?: unknown }

/**
 * Keeps a copy's zones whole (identification's plus the exam's) and its renditions honest: when the PDF or
 * the zones change, the renditions are dropped in the same write (a teacher then gets nothing rather than a
 * stale file) and the `redact-copy` job is queued after it. A rendition written for anything else is refused.
 */
export const keepRedactionCurrent: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'create' || data.identityZones !== undefined) {
    const examId = idOf(data.exam ?? originalDoc?.exam)
    const exam = examId === undefined ? undefined : await req.payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req, select: { identityZone: true }, disableErrors: true })
    data.identityZones = mergeZones({ detected: ((data.identityZones ?? originalDoc?.identityZones ?? []) as IdentityZone[]), examZone: examZoneOf(exam) })
  }
  const zones = (data.identityZones ?? originalDoc?.identityZones ?? []) as IdentityZone[]
  const pdf = idOf(data.pdf !== undefined ? data.pdf : originalDoc?.pdf)
  const key = redactionKey({ pdf, zones })
  const before = (originalDoc?.redaction ?? {}) as RedactionGroup
  const incoming = (data.redaction ?? {}) as RedactionGroup
  // An update's data carries the stored group too: only a key that is neither the stored one nor the current one
  // comes from a job that rendered an older state of the copy.
  if (incoming.key !== undefined && incoming.key !== null && incoming.key !== key && incoming.key !== before.key) {
    // A job finished rendering what the copy no longer is: its write is dropped, whatever the newer run did stays.
    delete data.redaction
  } else if (operation === 'create' || before.key !== key) {
    data.redaction = { ...before, ...incoming, status: pdf === undefined ? 'none' : 'pending', key, pdf: null, thumbnail: null, zones: zones.length, error: null }
  }
  return data
}

export const queueRedaction: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  // `doc` is the copy as the writer may read it (a teacher's has no `redaction` group): use what is stored.
  const stored = await req.payload.findByID({ collection: 'copies', id: doc.id, depth: 0, overrideAccess: true, req, select: { redaction: true }, disableErrors: true })
  const now = (stored?.redaction ?? {}) as RedactionGroup
  const before = (previousDoc?.redaction ?? {}) as RedactionGroup
  if (stored && now.status === 'pending' && (now.key !== before.key || before.status !== 'pending'))
    // The key says which state the job is for: this write is not committed yet when the job may start.
    await enqueue({ name: REDACT_COPY, data: { copyId: doc.id, key: now.key } }).catch((error: Error) =>
      // Without a queue in this process (a CLI), the copy is redacted by the next worker run or on demand.
      req.payload.logger.warn({ copy: doc.id, err: error.message }, 'copy redaction not queued'),
    )
  // Renditions no longer any copy's are removed, not left on disk.
  for (const which of ['pdf', 'thumbnail'] as const) {
    const old = idOf(before[which])
    if (stored && old !== undefined && String(old) !== String(idOf(now[which]) ?? ''))
      await req.payload.delete({ collection: 'media', id: old, overrideAccess: true, req }).catch(() => undefined)
  }
  return doc
}
