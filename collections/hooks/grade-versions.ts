import { ValidationError, type CollectionAfterErrorHook, type PayloadRequest } from 'payload'

import { ConflictError, KorrigoError } from '../../runtime/errors'
import { gradeConflictMessage, languageOf } from '../grade-messages'
import { idOf } from '../relations'

type GradeDoc = { id: unknown; questionKey: string; points: number; version?: number | null; marking?: number | null }

/**
 * Optimistic concurrency for an update, as for annotations: a writer that says which version it edited
 * (`version`) loses loudly when someone saved since. Writers that do not say (the admin's form without
 * the field, scripts) keep last-write-wins. Returns the version the update gets.
 */
export const nextGradeVersion = ({ data, originalDoc, req }: { data: { version?: unknown }; originalDoc: GradeDoc | undefined; req: PayloadRequest }): number => {
  const stored = originalDoc?.version ?? 1
  if (data.version !== undefined && data.version !== null && data.version !== stored)
    throw new ConflictError(gradeConflictMessage({ questionKey: originalDoc!.questionKey, points: originalDoc!.points, created: false, language: languageOf(req) }), { code: 'conflict', current: originalDoc })
  return stored + 1
}

/** Payload's answer when the unique index (copy, question, marking) refuses a second grade. */
const isDuplicateGrade = (error: unknown): boolean =>
  (error instanceof ValidationError || (error as { name?: string })?.name === 'ValidationError') &&
  ((error as { data?: { errors?: { path?: unknown }[] } }).data?.errors ?? []).some((e) => /question_?key/i.test(String(e.path ?? '')))

/** The grade another session stored for this create's copy and question, read as the writer may read it. */
const storedGrade = async (req: PayloadRequest): Promise<GradeDoc | undefined> => {
  const body = (req.data ?? {}) as { copy?: unknown; questionKey?: unknown; marking?: unknown }
  const copy = idOf(body.copy)
  if (copy === undefined || typeof body.questionKey !== 'string') return undefined
  // Not in the request's transaction (the failed insert ended it); with the writer's rights, so a blind
  // second marker is shown their own marking's grade and never the other one.
  const found = await req.payload.find({
    collection: 'grades',
    where: { and: [{ copy: { equals: copy } }, { questionKey: { equals: body.questionKey } }] },
    sort: 'marking',
    depth: 0,
    limit: 10,
    overrideAccess: false,
    user: req.user,
  })
  const docs = found.docs as unknown as GradeDoc[]
  return docs.find((g) => body.marking === undefined || g.marking === body.marking) ?? docs[0]
}

/**
 * A grade's refusals say why as data too (`data.code`, what was wrong), so the portal can flag the field in
 * any language. A grade written elsewhere first answers 409 with the grade as it is now (`data.current`): a
 * session that edited an older version, or that created a grade another session had created meanwhile (the
 * unique index's refusal, otherwise a bare "invalid field: copy_id, question_key").
 */
export const gradeErrors: CollectionAfterErrorHook = async ({ error, req }) => {
  if (error instanceof KorrigoError && error.status < 500 && error.details)
    return { response: { errors: [{ message: error.message, data: error.details }] }, status: error.status }
  if (!isDuplicateGrade(error)) return
  const current = await storedGrade(req).catch(() => undefined)
  if (!current) return
  const message = gradeConflictMessage({ questionKey: current.questionKey, points: current.points, created: true, language: languageOf(req) })
  return { response: { errors: [{ message, data: { code: 'conflict', current } }] }, status: 409 }
}
