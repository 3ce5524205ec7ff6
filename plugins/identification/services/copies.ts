import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'

export type CopyDoc = Record<string, any> & { id: Id }
export type StudentDoc = { id: Id; lastName: string; firstName: string; birthDate?: string | null; className?: string | null; rosterName?: string | null }

export const OPEN_STATES = ['pending', 'needs_review'] as const
/** Copy statuses where a person has started marking: who wrote it is settled, the matcher leaves it alone. */
export const SETTLED_COPY_STATUSES = ['marking', 'locked', 'finalized']

export const displayName = (student: Pick<StudentDoc, 'lastName' | 'firstName'>): string => `${student.lastName.toUpperCase()} ${student.firstName}`.trim()

export const copiesOfExam = async ({ payload, examId, req }: { payload: Payload; examId: Id; req?: PayloadRequest }): Promise<CopyDoc[]> =>
  (await payload.find({ collection: 'copies', where: { exam: { equals: examId } }, depth: 0, limit: 0, pagination: false, sort: 'createdAt', overrideAccess: true, req })).docs as CopyDoc[]

/** The class of the exam; every student when the exam names no class. */
export const studentsOfExam = async ({ payload, exam, req }: { payload: Payload; exam: { className?: string | null }; req?: PayloadRequest }): Promise<StudentDoc[]> =>
  (
    await payload.find({
      collection: 'students',
      where: exam.className ? { className: { equals: exam.className } } : {},
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'lastName',
      overrideAccess: true,
      req,
    })
  ).docs as unknown as StudentDoc[]

export const isOpen = (copy: CopyDoc): boolean => OPEN_STATES.includes(copy.identification?.status ?? 'pending')

/** A copy whose student the matcher must not change: decided by hand, named by its prepared booklet's code, or already being marked. */
export const isSettled = (copy: CopyDoc): boolean =>
  copy.identification?.status === 'manual' || copy.identification?.method === 'qr-code' || SETTLED_COPY_STATUSES.includes(copy.status)
