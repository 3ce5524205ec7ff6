import type { Payload, Where } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { AUDIT_SKIP, recordAuditEvent } from '../../audit'
import { marksSummary, type RetentionReport } from '../lib/summary'

/** Every write of a purge carries this: the purge is audited once, as a whole, with its report. */
const context = { [AUDIT_SKIP]: true, korrigoRetentionPurge: true }
/**
 * The purge acts as an administrator: the rules that guard closed copies against teachers (grades,
 * annotations) let admins through, and a job has no signed-in user of its own.
 */
const RETENTION_ACTOR = { id: 'retention', role: 'admin', collection: 'users', email: 'retention@korrigo.local' }
const CHUNK = 200

const allOf = async (payload: Payload, collection: string, where: Where) =>
  (await payload.find({ collection: collection as never, where, depth: 0, limit: 0, pagination: false, overrideAccess: true })).docs as unknown as Record<string, unknown>[]

const countOf = async (payload: Payload, collection: string, where: Where) => (await payload.count({ collection: collection as never, where, overrideAccess: true })).totalDocs

const remove = async (payload: Payload, collection: string, where: Where): Promise<number> => {
  const result = await payload.delete({ collection: collection as never, where, overrideAccess: true, depth: 0, context, user: RETENTION_ACTOR })
  if (result.errors.length) throw new Error(`retention: could not delete ${collection}: ${result.errors.map((e) => e.message).join('; ')}`)
  return result.docs.length
}

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK))

/** Collections whose rows hang off a copy (grades, annotations, assignments, decisions, plugins' own…). */
const copyChildren = (payload: Payload): { collection: string; field: string }[] =>
  payload.config.collections.flatMap((c) =>
    c.slug === 'media' || c.slug === 'copies'
      ? []
      : c.flattenedFields.filter((f) => (f.type === 'relationship' || f.type === 'upload') && f.relationTo === 'copies' && !f.hasMany).map((f) => ({ collection: c.slug, field: f.name })),
  )

/**
 * Deletes what an exam holds about students once its retention date has passed: scans, copies, grades,
 * annotations, their files, the identification trail, and the students who appear in no other exam. The
 * exam itself stays, with a report that names nobody; the purge is one audit event. Safe to run again
 * after a crash: it only deletes what is still there, and stamps the exam when everything is gone.
 */
export const purgeExam = async ({ payload, examId, now = new Date() }: { payload: Payload; examId: Id; now?: Date }): Promise<RetentionReport> =>
  withLock({
    payload,
    key: examCopiesLock(examId),
    waitMs: 120_000,
    work: async () => {
      const exam = (await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true })) as { id: Id; title?: string; retainUntil?: string | null; purgedAt?: string | null }
      const copies = await allOf(payload, 'copies', { exam: { equals: examId } })
      const copyIds = copies.map((c) => c.id as Id)
      const students = [...new Set(copies.map((c) => idOf(c.student)).filter((id): id is Id => id !== undefined && id !== null).map(String))]
      const totals = copies.filter((c) => c.status === 'finalized' && typeof c.total === 'number').map((c) => c.total as number)

      const counts: Record<string, number> = { copies: copies.length }
      const byCopy = (field: string, ids: Id[]): Where => ({ [field]: { in: ids } })
      // Marking first: a copy that still carries grades or annotations refuses to be deleted.
      for (const { collection, field } of copyChildren(payload)) {
        counts[collection] ??= 0
        for (const ids of chunks(copyIds)) counts[collection] += await remove(payload, collection, byCopy(field, ids))
      }
      for (const ids of chunks(copyIds)) {
        // A closed copy is reopened before it goes: its marking is already gone, and deletion refuses closed copies.
        await payload.update({ collection: 'copies', where: { and: [{ id: { in: ids } }, { status: { not_equals: 'staging' } }] }, data: { status: 'staging' } as never, overrideAccess: true, depth: 0, context, user: RETENTION_ACTOR })
        await remove(payload, 'copies', { id: { in: ids } })
      }
      counts['identification-decisions'] = (counts['identification-decisions'] ?? 0) + (payload.collections['identification-decisions' as never] ? await remove(payload, 'identification-decisions', { exam: { equals: examId } }) : 0)
      counts.media = await remove(payload, 'media', { exam: { equals: examId } })
      counts['scan-batches'] = await countOf(payload, 'scan-batches', { exam: { equals: examId } })
      await remove(payload, 'scan-batches', { exam: { equals: examId } })

      let studentsRemoved = 0
      for (const student of students) {
        // Someone who sat another exam is still a student of the school: only the exam's own identities go.
        if (await countOf(payload, 'copies', { student: { equals: student } })) continue
        studentsRemoved += await remove(payload, 'students', { id: { equals: student } })
      }

      const report: RetentionReport = {
        purgedAt: now.toISOString(),
        retainUntil: exam.retainUntil ?? null,
        counts,
        studentsRemoved,
        studentsKept: students.length - studentsRemoved,
        marks: marksSummary(totals),
      }
      await payload.update({ collection: 'exams', id: examId, data: { purgedAt: report.purgedAt, retentionReport: report } as never, overrideAccess: true, depth: 0, context })
      await recordAuditEvent({
        payload,
        actor: { type: 'system', label: 'retention' },
        action: 'retention.purge',
        target: { collection: 'exams', id: examId },
        summary: `exam "${exam.title ?? examId}" purged after its retention date (${exam.retainUntil ?? 'none'})`,
        details: report as unknown as Record<string, unknown>,
      })
      return report
    },
  })

/** Exams whose retention date has passed and that were not purged yet. */
export const expiredExams = async ({ payload, now = new Date() }: { payload: Payload; now?: Date }): Promise<Id[]> =>
  (await allOf(payload, 'exams', { and: [{ retainUntil: { less_than: now.toISOString() } }, { purgedAt: { exists: false } }] })).map((e) => e.id as Id)

/**
 * Exams saved before retention existed have no date: they get the default one, but never less than
 * `noticeDays` from now, so that an admin sees the date before anything is deleted.
 */
export const scheduleUndated = async ({ payload, dateFor, now = new Date(), noticeDays = 30 }: { payload: Payload; dateFor: (examDate: Date) => Date; now?: Date; noticeDays?: number }): Promise<number> => {
  const undated = await allOf(payload, 'exams', { retainUntil: { exists: false } })
  const earliest = now.getTime() + noticeDays * 86_400_000
  for (const exam of undated) {
    const from = new Date((exam.date as string | undefined) ?? (exam.createdAt as string))
    const retainUntil = new Date(Math.max(dateFor(from).getTime(), earliest)).toISOString()
    await payload.update({ collection: 'exams', id: exam.id as Id, data: { retainUntil } as never, overrideAccess: true, depth: 0, context })
  }
  return undated.length
}
