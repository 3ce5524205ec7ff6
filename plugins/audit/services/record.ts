import { createHash } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import type { Json } from '../lib/canonical'
import type { ActorType } from '../lib/chain'
import { snapshotOf } from '../lib/redact'
import { appendAuditEvent } from './appender'
import { afterCommit } from '../../../runtime/transaction'

export type AuditActor = { type: ActorType; id?: string | number | null; label?: string | null }

export type AuditInput = {
  payload: Payload
  /** the request the action came with: who (its user) and from where (its address) */
  req?: PayloadRequest
  /** overrides who did it (a student, the command line, a job) */
  actor?: AuditActor
  /** what happened, dotted: `grade.change-after-finalization`, `user.role-change`, `exam.publish`… */
  action: string
  target?: { collection: string; id?: string | number | null }
  summary?: string
  /** snapshots of the target around the action; identities and secrets are redacted (lib/redact.ts) */
  before?: unknown
  after?: unknown
  details?: Record<string, unknown>
}

const staffOf = (req?: PayloadRequest): AuditActor | undefined => {
  const user = req?.user as { id?: string | number; email?: string; collection?: string } | null | undefined
  if (!user?.id) return undefined
  return { type: 'staff', id: user.id, label: user.email ?? null }
}

const ipOf = (req?: PayloadRequest): string | null => {
  const headers = req?.headers
  if (!headers) return null
  // Set by the Express bridge from the socket (or a proxy it trusts, KORRIGO_TRUST_PROXY); never the client's own header.
  return headers.get('x-korrigo-client-ip') || null
}

/** A student's or an unknown address's trace: correlates attempts without keeping the address. */
export const pseudonymOf = (value: string): string => `sha256:${createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 16)}`

/**
 * Records a sensitive action in the hash-chained audit trail. Resolves once it is stored; callers on
 * a request's path that must not wait (collection hooks) use `recordAuditEventSoon`.
 */
export const recordAuditEvent = async ({ payload, req, actor, action, target, summary, before, after, details }: AuditInput) => {
  const who = actor ?? staffOf(req) ?? { type: 'system' as const }
  const collection = target?.collection ?? ''
  return appendAuditEvent(payload, {
    action,
    actorType: who.type,
    actorId: who.id == null ? null : String(who.id),
    actorLabel: who.label ?? null,
    targetCollection: target?.collection ?? null,
    targetId: target?.id == null ? null : String(target.id),
    summary: summary ?? null,
    before: before === undefined ? null : snapshotOf(collection, before),
    after: after === undefined ? null : snapshotOf(collection, after),
    details: (details ?? null) as Json,
    ip: ipOf(req),
  })
}

/** Fire and forget, for hooks: a failed audit write is logged loudly, the user's action is not undone. */
export const recordAuditEventSoon = (input: AuditInput): void => {
  // Inside a decision made as one transaction, the event is written once it commits: a rolled-back
  // decision leaves no trace claiming it happened.
  void afterCommit(input.req, () => {
    recordAuditEvent(input).catch((error: Error) => input.payload.logger.error({ err: error, action: input.action }, 'audit event could not be recorded'))
  })
}
