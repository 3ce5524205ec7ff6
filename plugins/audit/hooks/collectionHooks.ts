import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLoginHook, CollectionConfig, PayloadRequest } from 'payload'

import { copyForMarking } from '../../../collections/hooks/marking-reads'
import { AUDIT_EVENTS } from '../collections/AuditEvents'
import { recordAuditEventSoon } from '../services/record'

/** Set on a request's context by a caller that records one summary event instead (a retention purge). */
export const AUDIT_SKIP = 'korrigoAuditSkip'

/** Bookkeeping, not data anyone owns: its deletions are not audited. */
const NOT_AUDITED = new Set([AUDIT_EVENTS, 'locks', 'scan-pages', 'payload-locked-documents', 'payload-preferences', 'payload-migrations', 'payload-jobs'])

const skipped = (req: PayloadRequest) => Boolean((req.context as Record<string, unknown>)?.[AUDIT_SKIP])
const idOf = (value: unknown): string | number | null =>
  value && typeof value === 'object' ? ((value as { id?: string | number }).id ?? null) : ((value as string | number | null | undefined) ?? null)

/** Closed copies: what is changed on them after the fact is what an appeal will ask about. */
const CLOSED = new Set(['locked', 'finalized'])

const onDelete =
  (slug: string): CollectionAfterDeleteHook =>
  ({ req, doc, id }) => {
    if (!skipped(req)) recordAuditEventSoon({ payload: req.payload, req, action: `${slug}.delete`, target: { collection: slug, id }, before: doc, summary: `${slug} ${id} deleted` })
  }

/** The save's own read of its copy (once per request, read again when the request changed its status). */
const closedCopy = async (req: PayloadRequest, copyId: string | number | null) => {
  if (copyId == null) return undefined
  const copy = await copyForMarking({ id: copyId, req })
  return copy && (CLOSED.has(copy.status) || copy.publishedAt) ? copy : undefined
}

/** A grade or an annotation written or removed while its copy is finalized (or locked, or published). */
const onCopyChild =
  (slug: 'grades' | 'annotations') =>
  ({ change, del }: { change?: boolean; del?: boolean }) => {
    const kind = slug === 'grades' ? 'grade' : 'annotation'
    const afterChange: CollectionAfterChangeHook = async ({ req, doc, previousDoc, operation }) => {
      if (skipped(req)) return doc
      const copy = await closedCopy(req, idOf(doc.copy))
      if (copy)
        recordAuditEventSoon({
          payload: req.payload,
          req,
          action: `${kind}.change-after-finalization`,
          target: { collection: slug, id: doc.id },
          before: operation === 'create' ? null : previousDoc,
          after: doc,
          details: { operation, copy: copy.id, copyStatus: copy.status ?? null, exam: idOf(copy.exam) },
          summary: `${kind} ${operation === 'create' ? 'added to' : 'changed on'} ${copy.status ?? 'published'} copy ${copy.id}`,
        })
      return doc
    }
    const afterDelete: CollectionAfterDeleteHook = async ({ req, doc, id }) => {
      if (skipped(req)) return
      const copy = await closedCopy(req, idOf(doc?.copy))
      if (copy)
        recordAuditEventSoon({
          payload: req.payload,
          req,
          action: `${kind}.change-after-finalization`,
          target: { collection: slug, id },
          before: doc,
          after: null,
          details: { operation: 'delete', copy: copy.id, copyStatus: copy.status ?? null, exam: idOf(copy.exam) },
          summary: `${kind} removed from ${copy.status ?? 'published'} copy ${copy.id}`,
        })
    }
    return { afterChange: change ? [afterChange] : [], afterDelete: del ? [afterDelete] : [] }
  }

const onCopyChange: CollectionAfterChangeHook = ({ req, doc, previousDoc, operation }) => {
  if (operation !== 'update' || skipped(req) || !previousDoc) return doc
  const from = previousDoc.status as string | undefined
  const to = doc.status as string | undefined
  if (from && to && from !== to && CLOSED.has(from) && !CLOSED.has(to))
    recordAuditEventSoon({ payload: req.payload, req, action: 'copy.unlock', target: { collection: 'copies', id: doc.id }, before: { status: from }, after: { status: to }, summary: `copy ${doc.anonymousId ?? doc.id} reopened: ${from} → ${to}`, details: { exam: idOf(doc.exam) } })
  if (from !== to && to === 'finalized')
    recordAuditEventSoon({ payload: req.payload, req, action: 'copy.finalize', target: { collection: 'copies', id: doc.id }, before: { status: from ?? null }, after: { status: to, total: doc.total ?? null }, details: { exam: idOf(doc.exam) } })
  const student = { from: idOf(previousDoc.student), to: idOf(doc.student) }
  if (String(student.from) !== String(student.to))
    recordAuditEventSoon({ payload: req.payload, req, action: 'copy.identity-change', target: { collection: 'copies', id: doc.id }, before: { student: student.from }, after: { student: student.to }, details: { exam: idOf(doc.exam) } })
  return doc
}

const onExamChange: CollectionAfterChangeHook = ({ req, doc, previousDoc, operation }) => {
  if (operation !== 'update' || skipped(req) || !previousDoc || previousDoc.status === doc.status) return doc
  recordAuditEventSoon({ payload: req.payload, req, action: 'exam.status-change', target: { collection: 'exams', id: doc.id }, before: { status: previousDoc.status ?? null }, after: { status: doc.status ?? null }, summary: `exam "${doc.title}": ${previousDoc.status} → ${doc.status}` })
  return doc
}

const onUserChange: CollectionAfterChangeHook = ({ req, doc, previousDoc, operation }) => {
  if (skipped(req)) return doc
  if (operation === 'create')
    recordAuditEventSoon({ payload: req.payload, req, action: 'user.create', target: { collection: 'users', id: doc.id }, after: { email: doc.email, role: doc.role }, summary: `account ${doc.email} created as ${doc.role}` })
  else if (previousDoc && previousDoc.role !== doc.role)
    recordAuditEventSoon({ payload: req.payload, req, action: 'user.role-change', target: { collection: 'users', id: doc.id }, before: { role: previousDoc.role ?? null }, after: { role: doc.role ?? null }, summary: `${doc.email}: ${previousDoc.role} → ${doc.role}` })
  return doc
}

const onLogin: CollectionAfterLoginHook = ({ req, user }) => {
  recordAuditEventSoon({ payload: req.payload, req, actor: { type: 'staff', id: user.id, label: (user as { email?: string }).email ?? null }, action: 'auth.staff.sign-in', target: { collection: 'users', id: user.id } })
  return user
}

const withHooks = (collection: CollectionConfig, hooks: Partial<Record<'afterChange' | 'afterDelete' | 'afterLogin', unknown[]>>): CollectionConfig => {
  const merged = { ...collection.hooks } as Record<string, unknown[]>
  for (const [name, list] of Object.entries(hooks)) if (list?.length) merged[name] = [...(merged[name] ?? []), ...list]
  return { ...collection, hooks: merged as CollectionConfig['hooks'] }
}

/** The audit hooks a collection gets: every deletion, plus what is sensitive about that collection. */
export const auditCollection = (collection: CollectionConfig): CollectionConfig => {
  if (NOT_AUDITED.has(collection.slug)) return collection
  const afterDelete: unknown[] = [onDelete(collection.slug)]
  switch (collection.slug) {
    case 'grades':
    case 'annotations': {
      const child = onCopyChild(collection.slug)({ change: true, del: true })
      return withHooks(collection, { afterChange: child.afterChange, afterDelete: [...afterDelete, ...child.afterDelete] })
    }
    case 'copies':
      return withHooks(collection, { afterChange: [onCopyChange], afterDelete })
    case 'exams':
      return withHooks(collection, { afterChange: [onExamChange], afterDelete })
    case 'users':
      return withHooks(collection, { afterChange: [onUserChange], afterDelete, afterLogin: [onLogin] })
    default:
      return withHooks(collection, { afterDelete })
  }
}
