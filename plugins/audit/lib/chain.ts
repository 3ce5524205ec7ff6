import { createHash } from 'node:crypto'

import { canonicalJson, toPlainJson, type Json } from './canonical'

export const GENESIS_HASH = '0'.repeat(64)

export const ACTOR_TYPES = ['staff', 'student', 'system', 'cli', 'anonymous'] as const
export type ActorType = (typeof ACTOR_TYPES)[number]

/** What happened, as the chain hashes it: everything an auditor reads. */
export type AuditContent = {
  seq: number
  at: string
  action: string
  actorType: ActorType
  actorId: string | null
  actorLabel: string | null
  targetCollection: string | null
  targetId: string | null
  summary: string | null
  before: Json
  after: Json
  details: Json
  ip: string | null
}

export type ChainedEvent = AuditContent & { prevHash: string; contentHash: string; hash: string }

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value.replace(/\u0000/g, '\ufffd') : typeof value === 'number' ? String(value) : null)
const json = (value: unknown): Json => (value === undefined ? null : toPlainJson(value))

/** The content of a stored (or about to be stored) event, normalised the same way on both sides. */
export const contentOf = (doc: Record<string, unknown>): AuditContent => ({
  seq: Number(doc.seq),
  at: new Date(doc.at as string).toISOString(),
  action: text(doc.action) ?? '',
  actorType: (text(doc.actorType) ?? 'anonymous') as ActorType,
  actorId: text(doc.actorId),
  actorLabel: text(doc.actorLabel),
  targetCollection: text(doc.targetCollection),
  targetId: text(doc.targetId),
  summary: text(doc.summary),
  before: json(doc.before),
  after: json(doc.after),
  details: json(doc.details),
  ip: text(doc.ip),
})

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

export const contentHashOf = (content: AuditContent): string => sha256(canonicalJson(content as unknown as Json))

/** Each link commits to the previous one: editing or removing any event breaks every link after it. */
export const linkHash = (prevHash: string, contentHash: string): string => sha256(`${prevHash}:${contentHash}`)

export const chainEvent = ({ content, prevHash }: { content: AuditContent; prevHash: string }): ChainedEvent => {
  const contentHash = contentHashOf(content)
  return { ...content, prevHash, contentHash, hash: linkHash(prevHash, contentHash) }
}

export type ChainBreak = { seq: number; id?: string | number; reason: string }
export type ChainHead = { seq: number; hash: string }

/**
 * Checks events given in `seq` order, a page at a time (state carried between calls). The first broken
 * link is the answer: an edited event (its content no longer matches its hash), a removed one (a gap in
 * the numbering, or a link that points elsewhere), or a forged hash.
 */
export const createChainVerifier = () => {
  let previous: ChainHead = { seq: 0, hash: GENESIS_HASH }
  let checked = 0
  return {
    push: (doc: Record<string, unknown> & { id?: string | number }): ChainBreak | undefined => {
      const content = contentOf(doc)
      const where = { seq: content.seq, id: doc.id }
      if (content.seq !== previous.seq + 1)
        return {
          ...where,
          reason:
            content.seq > previous.seq + 1
              ? `event${content.seq - previous.seq > 2 ? 's' : ''} #${previous.seq + 1}${content.seq - previous.seq > 2 ? `–#${content.seq - 1}` : ''} ${content.seq - previous.seq > 2 ? 'are' : 'is'} missing (deleted) before #${content.seq}`
              : `event #${content.seq} is out of order or duplicated after #${previous.seq}`,
        }
      if (doc.prevHash !== previous.hash) return { ...where, reason: `event #${content.seq} does not point to event #${previous.seq} (the chain was cut or rewritten here)` }
      if (contentHashOf(content) !== doc.contentHash) return { ...where, reason: `event #${content.seq} was changed after it was written (its content does not match its hash)` }
      if (linkHash(previous.hash, String(doc.contentHash)) !== doc.hash) return { ...where, reason: `event #${content.seq} has a forged link hash` }
      previous = { seq: content.seq, hash: String(doc.hash) }
      checked++
      return undefined
    },
    /** After the last event: the recorded head must be that event (else the newest events were removed). */
    finish: (head: ChainHead | null): ChainBreak | undefined => {
      if (!head || head.seq === 0) return undefined
      if (head.seq > previous.seq) return { seq: previous.seq + 1, reason: `events #${previous.seq + 1}–#${head.seq} are missing (deleted): the chain's head says #${head.seq}` }
      if (head.seq === previous.seq && head.hash !== previous.hash) return { seq: head.seq, reason: `the chain's head does not match event #${head.seq}` }
      return undefined
    },
    checked: () => checked,
    last: () => previous,
  }
}
