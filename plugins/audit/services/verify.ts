import type { Payload } from 'payload'

import { createChainVerifier, type ChainBreak } from '../lib/chain'
import { AUDIT_EVENTS, AUDIT_HEAD } from '../collections/AuditEvents'

export type AuditVerification = { ok: boolean; checked: number; head: { seq: number; hash: string } | null; broken?: ChainBreak }

/**
 * Walks the whole trail in order and checks every link (lib/chain.ts). Reads through Payload, so it
 * works the same on PostgreSQL and MongoDB; `onProgress` is called after each page of events.
 */
export const verifyAuditTrail = async ({ payload, pageSize = 500, onProgress }: { payload: Payload; pageSize?: number; onProgress?: (p: { checked: number; total: number }) => void }): Promise<AuditVerification> => {
  const verifier = createChainVerifier()
  const total = (await payload.count({ collection: AUDIT_EVENTS as never, overrideAccess: true })).totalDocs
  const stored = (await payload.findGlobal({ slug: AUDIT_HEAD as never, overrideAccess: true, depth: 0 })) as { seq?: number | null; hash?: string | null }
  const head = stored?.seq && stored.hash ? { seq: stored.seq, hash: stored.hash } : null
  // Keyset pagination on seq: stable while events are appended during the walk.
  let after = 0
  for (;;) {
    const { docs } = await payload.find({ collection: AUDIT_EVENTS as never, where: { seq: { greater_than: after } }, sort: 'seq', limit: pageSize, depth: 0, overrideAccess: true, pagination: false })
    for (const doc of docs as unknown as (Record<string, unknown> & { id: string | number; seq: number })[]) {
      const broken = verifier.push(doc)
      if (broken) return { ok: false, checked: verifier.checked(), head, broken }
      after = doc.seq
    }
    onProgress?.({ checked: verifier.checked(), total })
    if (docs.length < pageSize) break
  }
  // Appends that landed after the walk began have moved the head further: only a head beyond what exists is a gap.
  const latest = (await payload.findGlobal({ slug: AUDIT_HEAD as never, overrideAccess: true, depth: 0 })) as { seq?: number | null; hash?: string | null }
  const finalHead = latest?.seq && latest.hash ? { seq: latest.seq, hash: latest.hash } : head
  const broken = finalHead && finalHead.seq > verifier.last().seq ? await tailBreak(payload, verifier, finalHead) : verifier.finish(finalHead)
  return broken ? { ok: false, checked: verifier.checked(), head: finalHead, broken } : { ok: true, checked: verifier.checked(), head: finalHead }
}

/** The head is ahead of the events read: newer events may simply have been appended meanwhile. */
const tailBreak = async (payload: Payload, verifier: ReturnType<typeof createChainVerifier>, head: { seq: number; hash: string }): Promise<ChainBreak | undefined> => {
  const { docs } = await payload.find({ collection: AUDIT_EVENTS as never, where: { seq: { greater_than: verifier.last().seq } }, sort: 'seq', limit: 0, depth: 0, overrideAccess: true, pagination: false })
  for (const doc of docs as unknown as (Record<string, unknown> & { id: string | number })[]) {
    const broken = verifier.push(doc)
    if (broken) return broken
  }
  return verifier.finish(head)
}
