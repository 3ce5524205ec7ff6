import type { CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../runtime/errors'
import { assignedExamIds, isAdmin, type Id } from '../access/roles'
import type { ScaleQuestion } from '../grading-scale'
import { idOf } from '../relations'
import { copyForMarking, examScale } from './marking-reads'
import { isSystemWrite } from './system-write'

export type CopyContext = {
  copyId: Id
  examId: Id
  copyStatus: string
  scale: ScaleQuestion[]
  /** Pages of the copy (0 when it lists none). */
  pageCount: number
}

/** A published copy is a finalized one: its grades are what the student reads. */
const CLOSED = new Set(['locked', 'finalized'])

/**
 * Grades and annotations hang off a copy: this loads it with its exam's scale, and refuses writes
 * that the signed-in user may not make (not their exam, copy not open for marking).
 */
export const loadCopyForWrite = async ({ copy, req }: { copy: unknown; req: PayloadRequest }): Promise<CopyContext> => {
  const copyId = idOf(copy)
  if (copyId === undefined) throw new BadRequestError('A copy is required')
  const doc = await copyForMarking({ id: copyId, req })
  if (!doc) throw new NotFoundError(`Copy ${copyId} does not exist`)
  const examId = doc.exam
  // The server's own writes (a rubric item's new points) were checked when they were asked for.
  if (!isAdmin(req.user) && !isSystemWrite(req)) {
    const allowed = (await assignedExamIds(req)).map(String)
    if (!allowed.includes(String(examId)) || doc.status === 'staging')
      throw new ForbiddenError(`You are not a corrector of the exam of copy ${copyId}`)
    if (CLOSED.has(doc.status)) throw new ConflictError(`Copy ${doc.anonymousId} is ${doc.status}: it can no longer be edited`)
  }
  const scale = await examScale({ id: examId, req })
  return {
    copyId,
    examId,
    copyStatus: doc.status,
    scale,
    pageCount: doc.pageCount,
  }
}

/**
 * The closed-copy rule for deletions: removing a grade or an annotation is a write to its copy, refused like
 * an update (a single DELETE, each row of a bulk DELETE, GraphQL's delete mutations all come through here).
 */
export const refuseDeleteOnClosedCopy =
  (collection: 'grades' | 'annotations'): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    if (isAdmin(req.user)) return
    const row = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (row) await loadCopyForWrite({ copy: row.copy, req })
  }
