import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { ConflictError } from '../../../runtime/errors'
import { readUpload, storeMedia } from '../../../storage/uploads'
import type { RenderLocale } from '../lib/types'
import { withRubricTexts } from '../../correction/services/rubricComments'
import { loadRenderer } from './loadRenderer'

export type RenderCopyResult = { copyId: Id; mediaId: Id; skipped: number }

/** What the student receives is the marking that counts (double-blind marking keeps the other one aside). */
const all = async <S extends 'grades' | 'annotations'>({ payload, collection, copyId, marking }: { payload: Payload; collection: S; copyId: Id; marking: number }) =>
  (await payload.find({ collection, where: { copy: { equals: copyId } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })).docs.filter(
    (doc) => ((doc as { marking?: number | null }).marking ?? 1) === marking,
  )

/** Renders one copy's annotated PDF from its stored PDF, annotations and grades, and links it to the copy. */
export const renderCopy = async ({ payload, copyId, locale = 'fr' }: { payload: Payload; copyId: Id; locale?: RenderLocale }): Promise<RenderCopyResult> => {
  const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true })
  const pdfId = idOf(copy.pdf)
  if (pdfId === undefined) throw new ConflictError(`Copy ${copy.anonymousId} has no PDF to annotate`, { copy: copyId })
  const [exam, media, annotations, grades] = await Promise.all([
    payload.findByID({ collection: 'exams', id: idOf(copy.exam)!, depth: 0, overrideAccess: true }),
    payload.findByID({ collection: 'media', id: pdfId, depth: 0, overrideAccess: true }),
    all({ payload, collection: 'annotations', copyId, marking: copy.decidedMarking ?? 1 }),
    all({ payload, collection: 'grades', copyId, marking: copy.decidedMarking ?? 1 }),
  ])
  const studentId = idOf(copy.student)
  const student = studentId === undefined ? undefined : await payload.findByID({ collection: 'students', id: studentId, depth: 0, overrideAccess: true, disableErrors: true })
  const { renderAnnotatedPdf } = await loadRenderer()
  const result = await renderAnnotatedPdf({
    copyPdf: await readUpload({ payload, collection: 'media', doc: media }),
    annotations: annotations.map((a) => ({ kind: a.kind, page: a.page, geometry: a.geometry, style: a.style, text: a.text, schemaVersion: a.schemaVersion })),
    // Rubric items applied to a grade are written above its comment, as the items read now.
    grades: (await withRubricTexts({ payload, grades })).map((g) => ({ questionKey: g.questionKey, points: g.points, comment: g.comment })),
    scale: (exam.gradingScale ?? []).map((q: any) => ({ key: q.key, label: q.label, maxPoints: q.maxPoints, step: q.step })),
    studentName: student ? `${student.firstName ?? ''} ${student.lastName ?? ''}`.trim() : undefined,
    examTitle: exam.title,
    anonymousId: copy.anonymousId,
    locale,
  })
  if (result.skipped.length) payload.logger.warn({ copy: copyId, skipped: result.skipped.map((s) => s.reason) }, 'some annotations were not drawn')
  const stored = await storeMedia({
    payload,
    bytes: result.pdf,
    name: `${copy.anonymousId ?? copyId}-annotated.pdf`,
    mimetype: 'application/pdf',
    data: { kind: 'annotated-pdf', exam: exam.id, copy: copy.id },
  })
  const previous = idOf(copy.annotatedPdf)
  await payload.update({ collection: 'copies', id: copy.id, data: { annotatedPdf: stored.id }, depth: 0, overrideAccess: true })
  // One annotated PDF per copy: the new one replaces the old, which would otherwise pile up on disk.
  if (previous !== undefined && String(previous) !== String(stored.id))
    await payload.delete({ collection: 'media', id: previous, overrideAccess: true }).catch(() => undefined)
  return { copyId: copy.id, mediaId: stored.id, skipped: result.skipped.length }
}
