import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import { ASSIGNMENTS_SLUG } from '../collections/Assignments'
import { readSettings, type DistributionSettings } from '../lib/settings'

export type AssignmentDoc = { id: Id; exam: Id; copy: Id; corrector: Id; marking: number; questionKeys: string[] | null; role: 'marker' | 'arbiter'; state: 'active' | 'released'; doneAt: string | null }

export const asAssignment = (a: any): AssignmentDoc => ({
  id: a.id,
  exam: idOf(a.exam)!,
  copy: idOf(a.copy)!,
  corrector: idOf(a.corrector)!,
  marking: a.marking ?? 1,
  questionKeys: a.questionKeys ?? null,
  role: a.role ?? 'marker',
  state: a.state ?? 'active',
  doneAt: a.doneAt ?? null,
})

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

export const loadExam = async ({ payload, examId, req }: { payload: Payload; examId: Id; req?: PayloadRequest }) => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
  const settings: DistributionSettings = readSettings((exam as { distribution?: unknown }).distribution)
  const questionKeys = ((exam.gradingScale ?? []) as { key: string }[]).map((q) => q.key)
  const correctors = ((exam.correctors ?? []) as unknown[]).map((c) => idOf(c)!).filter((c) => c !== undefined)
  return { exam, settings, questionKeys, correctors }
}

export const assignmentsOf = async ({ payload, where, req }: { payload: Payload; where: Record<string, unknown>; req?: PayloadRequest }): Promise<AssignmentDoc[]> =>
  (await payload.find({ collection: ASSIGNMENTS_SLUG as 'assignments', where: where as never, ...all, req })).docs.map(asAssignment)

/** Copies that are marked: out of staging (an unnamed copy still at the desk waits for the next distribution). */
export const markableCopies = async ({ payload, examId, req }: { payload: Payload; examId: Id; req?: PayloadRequest }) =>
  (await payload.find({ collection: 'copies', where: { and: [{ exam: { equals: examId } }, { status: { not_equals: 'staging' } }] }, ...all, req, sort: 'anonymousId' })).docs

export const gradesOf = async ({ payload, where, req }: { payload: Payload; where: Record<string, unknown>; req?: PayloadRequest }) =>
  (await payload.find({ collection: 'grades', where: where as never, ...all, req })).docs

export const annotationAuthors = async ({ payload, examId, req }: { payload: Payload; examId: Id; req?: PayloadRequest }) =>
  (await payload.find({ collection: 'annotations', where: { exam: { equals: examId } }, ...all, req, select: { copy: true, author: true, marking: true } })).docs
