import type { PayloadRequest } from 'payload'

import { enqueue } from '../../../jobs/queue'
import { RENDER_ANNOTATED_COPY } from '../../publication/jobs/names'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { systemWrite } from '../../../collections/hooks/system-write'
import { languageOf } from '../../../collections/grade-messages'
import { ConflictError } from '../../../runtime/errors'
import { rubricMessage } from '../lib/rubricMessages'

type GradeRow = { id: Id; copy: unknown; rubricItems?: unknown[] | null; version?: number | null }

/** Copies a rubric item's points may no longer change on: their marks are final (or being published). */
const CLOSED = ['locked', 'finalized']

export const gradesApplying = async ({ itemId, req }: { itemId: Id; req: PayloadRequest }): Promise<GradeRow[]> =>
  (await req.payload.find({ collection: 'grades', where: { rubricItems: { in: [itemId] } }, depth: 0, pagination: false, overrideAccess: true, req })).docs as unknown as GradeRow[]

/**
 * An item's points may change only while every copy it is applied to is still open: a finalized copy's
 * mark is what the student reads (and what was published or exported), so it never moves behind the
 * teacher's back. Says which copies hold it.
 */
export const refuseOnClosedCopies = async ({ itemId, req }: { itemId: Id; req: PayloadRequest }): Promise<void> => {
  const grades = await gradesApplying({ itemId, req })
  if (!grades.length) return
  const copies = await req.payload.find({
    collection: 'copies',
    where: { and: [{ id: { in: [...new Set(grades.map((g) => idOf(g.copy)!))] } }, { status: { in: CLOSED } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { anonymousId: true },
  })
  if (copies.docs.length)
    throw new ConflictError(rubricMessage({ refusal: { code: 'onClosedCopies', copies: copies.docs.map((c) => c.anonymousId).join(', ') }, language: languageOf(req) }), {
      code: 'rubricItemClosed',
      copies: copies.docs.map((c) => c.anonymousId),
    })
}

/**
 * Every grade applying the item is written again, so its points follow the item's new points (the grade's
 * hook recomputes them, the copy's total follows). Each write carries the version it read: a teacher's save
 * in between makes it read again and retry rather than overwrite that save; the teacher's own tab then gets
 * a 409 on its next save of that question, as for any colleague's change.
 */
/**
 * A corrected text on closed copies: their annotated PDFs (rendered when they were finalized) are rendered
 * again, so the PDF a student downloads says what the rubric says now. Open copies are rendered when
 * finalized, with the text of that day.
 */
export const rerenderClosedCopies = async ({ itemId, req }: { itemId: Id; req: PayloadRequest }): Promise<number> => {
  const grades = await gradesApplying({ itemId, req })
  if (!grades.length) return 0
  const copies = await req.payload.find({
    collection: 'copies',
    where: { and: [{ id: { in: [...new Set(grades.map((g) => idOf(g.copy)!))] } }, { status: { in: CLOSED } }, { pdf: { exists: true } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { pdf: true },
  })
  for (const copy of copies.docs)
    // Without a queue (a script) the copy is rendered again at publication time.
    await enqueue({ name: RENDER_ANNOTATED_COPY, data: { copyId: copy.id } }).catch((error: Error) => req.payload.logger.warn({ copy: copy.id, err: error.message }, 'annotated copy not queued again'))
  return copies.docs.length
}

export const reapplyRubricItem = async ({ itemId, req }: { itemId: Id; req: PayloadRequest }): Promise<number> => {
  const grades = await gradesApplying({ itemId, req })
  for (const first of grades) {
    let grade: GradeRow = first
    for (let attempt = 0; ; attempt++) {
      try {
        await systemWrite(req, () =>
          req.payload.update({
            collection: 'grades',
            id: grade.id,
            data: { rubricItems: (grade.rubricItems ?? []).map((v) => idOf(v)!), version: grade.version ?? 1 } as never,
            depth: 0,
            overrideAccess: true,
            req,
          }),
        )
        break
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= 4) throw err
        grade = (await req.payload.findByID({ collection: 'grades', id: grade.id, depth: 0, overrideAccess: true, req })) as unknown as GradeRow
      }
    }
  }
  return grades.length
}
