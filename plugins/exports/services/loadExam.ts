import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import type { TableCopy } from '../lib/buildTable'
import type { ResultsTable, ScaleQuestion } from '../lib/types'

export type ExamResults = { exam: ResultsTable['exam']; questions: ScaleQuestion[]; copies: TableCopy[] }

/** What an export needs, read with the server's rights (the caller checks who asks): every copy out of staging. */
export const loadExamResults = async ({ payload, examId }: { payload: Payload; examId: Id }): Promise<ExamResults> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
  const find = <S extends 'copies' | 'grades'>(collection: S, where: Record<string, unknown>) =>
    payload.find({ collection, where: where as never, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  const [copies, grades] = await Promise.all([
    find('copies', { and: [{ exam: { equals: exam.id } }, { status: { not_equals: 'staging' } }] }),
    find('grades', { exam: { equals: exam.id } }),
  ])
  const studentIds = [...new Set(copies.docs.map((c) => idOf(c.student)).filter((id): id is Id => id !== undefined))]
  const students = studentIds.length
    ? (await payload.find({ collection: 'students', where: { id: { in: studentIds } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })).docs
    : []
  const studentById = new Map(students.map((s) => [String(s.id), s]))
  const gradesByCopy = new Map<string, TableCopy['grades']>()
  // Only the marking that counts (double-blind marking keeps the others; an undecided copy has none yet).
  const counted = new Map(copies.docs.map((c) => [String(c.id), c.decidedMarking === undefined ? 1 : c.decidedMarking]))
  for (const g of grades.docs) {
    const key = String(idOf(g.copy))
    if ((g.marking ?? 1) !== counted.get(key)) continue
    gradesByCopy.set(key, [...(gradesByCopy.get(key) ?? []), { questionKey: g.questionKey, points: g.points, corrector: idOf(g.corrector) ?? null }])
  }
  return {
    exam: { id: exam.id, title: exam.title, subject: exam.subject, className: exam.className, date: exam.date },
    questions: (exam.gradingScale ?? []).map((q: any) => ({ key: q.key, label: q.label, maxPoints: q.maxPoints, step: q.step })),
    copies: copies.docs.map((c) => {
      const student = studentById.get(String(idOf(c.student)))
      return {
        anonymousId: c.anonymousId ?? String(c.id),
        status: c.status,
        student: student ? { lastName: student.lastName, firstName: student.firstName, className: student.className } : null,
        grades: gradesByCopy.get(String(c.id)) ?? [],
      }
    }),
  }
}
