import type { Payload, Where } from 'payload'

import { scaleMaximum, type ScaleQuestion } from '../../../collections/grading-scale'
import { idOf } from '../../../collections/relations'
import type { StudentCopy, StudentCopyQuestion } from '../../../shared/student-space/types'
import { withRubricTexts } from '../../correction/services/rubricComments'
import type { StudentId } from '../lib/token'

export type { StudentCopy, StudentCopyQuestion } from '../../../shared/student-space/types'

/**
 * What a student may ever see of copies: their own, finalized, with a publication date that has come.
 * Every student-space query starts from this, so ownership is part of the query and no other copy is loaded.
 */
export const visibleCopiesWhere = ({ studentId, now = new Date() }: { studentId: StudentId; now?: Date }): Where => ({
  and: [
    { student: { equals: studentId } },
    { status: { equals: 'finalized' } },
    { publishedAt: { exists: true } },
    { publishedAt: { less_than_equal: now.toISOString() } },
  ],
})

/** The student's published copies, newest first, with the exam, the total and each question's points and comment. */
export const publishedCopiesOf = async ({ payload, studentId }: { payload: Payload; studentId: StudentId }): Promise<StudentCopy[]> => {
  const { docs: copies } = await payload.find({
    collection: 'copies',
    where: visibleCopiesWhere({ studentId }),
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    sort: '-publishedAt',
  })
  if (!copies.length) return []
  const examIds = [...new Set(copies.map((c) => String(idOf(c.exam))))]
  const [exams, grades] = await Promise.all([
    payload.find({ collection: 'exams', where: { id: { in: examIds } }, depth: 0, limit: 0, pagination: false, overrideAccess: true }),
    payload.find({ collection: 'grades', where: { copy: { in: copies.map((c) => c.id) } }, depth: 0, limit: 0, pagination: false, overrideAccess: true }),
  ])
  const examById = new Map(exams.docs.map((e) => [String(e.id), e]))
  // The rubric items applied to a grade, as they read now, above the teacher's comment.
  const withTexts = await withRubricTexts({ payload, grades: grades.docs })
  return copies.flatMap((copy): StudentCopy[] => {
    const exam = examById.get(String(idOf(copy.exam)))
    if (!exam) return []
    const scale = (exam.gradingScale ?? []) as ScaleQuestion[]
    // The published marking only (double-blind marking keeps the other one).
    const mine = withTexts.filter((g) => String(idOf(g.copy)) === String(copy.id) && (g.marking ?? 1) === (copy.decidedMarking ?? 1))
    const gradeOf = new Map(mine.map((g) => [g.questionKey, g]))
    return [
      {
        id: copy.id,
        exam: { id: exam.id, title: exam.title, subject: exam.subject ?? null, className: exam.className ?? null, date: exam.date ?? null },
        publishedAt: copy.publishedAt as string,
        total: typeof copy.total === 'number' ? copy.total : null,
        maxTotal: scaleMaximum(scale),
        questions: scale.map((q) => {
          const grade = gradeOf.get(q.key)
          return { key: q.key, label: q.label ?? null, maxPoints: q.maxPoints, points: typeof grade?.points === 'number' ? grade.points : null, comment: grade?.comment || null }
        }),
        hasPdf: idOf(copy.annotatedPdf) !== undefined,
      },
    ]
  })
}
