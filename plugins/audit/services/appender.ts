import type { Payload } from 'payload'

import { withLock } from '../../../locks/withLock'
import { chainEvent, GENESIS_HASH, type AuditContent, type ChainHead, type ChainedEvent } from '../lib/chain'
import { AUDIT_EVENTS, AUDIT_HEAD } from '../collections/AuditEvents'

export type AuditDraft = Omit<AuditContent, 'seq' | 'at'>
type Pending = { draft: AuditDraft; resolve: (event: ChainedEvent & { id: string | number }) => void; reject: (error: Error) => void }
type Queue = { pending: Pending[]; draining: boolean }

export const AUDIT_LOCK = 'audit-chain'
/** Events appended under one hold of the lock. */
const BATCH = 25

// Per Payload instance (one per process): appends are serialised here, and across processes by the lock.
const queues = new WeakMap<Payload, Queue>()

/** Where the chain ends: the recorded head, or a newer last event (a crash between the two writes). */
const readHead = async (payload: Payload): Promise<ChainHead> => {
  const head = (await payload.findGlobal({ slug: AUDIT_HEAD as never, overrideAccess: true, depth: 0 })) as { seq?: number | null; hash?: string | null }
  const last = (await payload.find({ collection: AUDIT_EVENTS as never, sort: '-seq', limit: 1, depth: 0, overrideAccess: true, pagination: false })).docs[0] as
    | { seq: number; hash: string }
    | undefined
  const recorded = head?.seq && head.hash ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH }
  return last && last.seq > recorded.seq ? { seq: last.seq, hash: last.hash } : recorded
}

/** Appends a batch under the lock; what was stored is answered once the lock is released (a caller may exit then). */
const appendBatch = async (payload: Payload, batch: Pending[]) => {
  const stored: (ChainedEvent & { id: string | number })[] = []
  try {
    await withLock({
      payload,
      key: AUDIT_LOCK,
      // Long enough for a batch on a machine under heavy load; the unique `seq` and `hash` indexes are the
      // last guard: a holder whose lock had expired fails its next write instead of forking the chain.
      ttlMs: 300_000,
      waitMs: 300_000,
      work: async () => {
        let head = await readHead(payload)
        try {
          for (const item of batch) {
            // The time is taken under the lock, so the chain's order is also the order of its clock.
            const event = chainEvent({ content: { ...item.draft, seq: head.seq + 1, at: new Date().toISOString() }, prevHash: head.hash })
            // Written outside any request's transaction: the event stands even if that request fails later.
            const doc = (await payload.create({ collection: AUDIT_EVENTS as never, data: event as never, overrideAccess: true, depth: 0 })) as unknown as { id: string | number }
            head = { seq: event.seq, hash: event.hash }
            stored.push({ ...event, id: doc.id })
          }
        } finally {
          const recorded = (await payload.findGlobal({ slug: AUDIT_HEAD as never, overrideAccess: true, depth: 0 })) as { seq?: number | null }
          if ((recorded?.seq ?? 0) < head.seq) await payload.updateGlobal({ slug: AUDIT_HEAD as never, data: head as never, overrideAccess: true, depth: 0 })
        }
      },
    })
  } catch (error) {
    batch.forEach((item, i) => (i < stored.length ? item.resolve(stored[i]!) : item.reject(error as Error)))
    return
  }
  batch.forEach((item, i) => item.resolve(stored[i]!))
}

const drain = async (payload: Payload, queue: Queue) => {
  if (queue.draining) return
  queue.draining = true
  try {
    while (queue.pending.length) {
      // Events written are answered, the others told why they were not (appendBatch never throws).
      await appendBatch(payload, queue.pending.splice(0, BATCH))
    }
  } finally {
    queue.draining = false
  }
}

/** Appends one event to the chain; resolves once it is stored, with its number and hashes. */
export const appendAuditEvent = (payload: Payload, draft: AuditDraft): Promise<ChainedEvent & { id: string | number }> => {
  let queue = queues.get(payload)
  if (!queue) queues.set(payload, (queue = { pending: [], draining: false }))
  const stored = new Promise<ChainedEvent & { id: string | number }>((resolve, reject) => queue!.pending.push({ draft, resolve, reject }))
  void drain(payload, queue)
  return stored
}

/** Resolves when every event queued so far in this process is stored (tests, shutdown). */
export const flushAuditEvents = async (payload: Payload): Promise<void> => {
  const queue = queues.get(payload)
  while (queue && (queue.pending.length || queue.draining)) await new Promise((r) => setTimeout(r, 20))
}
