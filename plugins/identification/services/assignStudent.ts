import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf, sameId } from '../../../collections/relations'
import { BadRequestError, ConflictError, NotFoundError } from '../../../runtime/errors'
import { copiesOfExam, isSettled, SETTLED_COPY_STATUSES } from './copies'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { recordDecision } from './decisions'
import { advanceExamIfIdentified } from './examStatus'
import { inTransaction } from '../../../runtime/transaction'

/** A copy whose name a person took away: back to the desk, out of the markers' hands. */
const unnamed = (copy: { id: Id; identification?: Record<string, unknown> | null }) => ({
  student: null,
  status: 'staging',
  identification: { ...copy.identification, status: 'needs_review', method: 'manual', confidence: 0 },
})

/**
 * An admin says who wrote a copy (or, with `null`, that the name was wrong). The student must belong
 * to the exam's class and not already hold another copy of the exam: two copies for one student is
 * the mistake this desk exists to prevent, so it is refused rather than silently moved — unless the
 * admin asks to `takeFromHolder`: then the other copy loses the name (logged too) and goes back to
 * review, as long as nobody is marking it yet.
 */
export const assignStudent = async ({
  payload,
  req,
  copyId,
  studentId,
  takeFromHolder = false,
}: {
  payload: Payload
  req?: PayloadRequest
  copyId: Id
  studentId: Id | null
  takeFromHolder?: boolean
}) => {
  const found = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!found) throw new NotFoundError(`Copy ${copyId} does not exist`)
  // One writer of the exam's copies at a time (see locks/withLock): the identify job must not overwrite
  // this decision with an older automatic one.
  // …and as one transaction: the holder unnamed, the copy named and both decisions logged, or nothing.
  return withLock({
    payload,
    key: examCopiesLock(idOf(found.exam)!),
    work: () => inTransaction({ payload, req, work: (tx) => assignUnderLock({ payload, req: tx, copyId, studentId, takeFromHolder }) }),
  })
}

const assignUnderLock = async ({
  payload,
  req,
  copyId,
  studentId,
  takeFromHolder,
}: {
  payload: Payload
  req?: PayloadRequest
  copyId: Id
  studentId: Id | null
  takeFromHolder: boolean
}) => {
  const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!copy) throw new NotFoundError(`Copy ${copyId} does not exist`)
  if (SETTLED_COPY_STATUSES.includes(copy.status)) throw new ConflictError(`Copy ${copy.anonymousId} is already being marked ("${copy.status}"); its student cannot change`)
  const examId = idOf(copy.exam)!
  const previous = idOf(copy.student) ?? null
  if (studentId !== null) {
    const student = await payload.findByID({ collection: 'students', id: studentId, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!student) throw new BadRequestError(`Student ${studentId} does not exist`)
    const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req })
    if (exam.className && student.className !== exam.className)
      throw new BadRequestError(`${student.lastName} ${student.firstName} is not in class ${exam.className}`)
    const holder = (await copiesOfExam({ payload, examId, req })).find((c) => c.id !== copy.id && sameId(c.student, studentId))
    const beingMarked = holder ? SETTLED_COPY_STATUSES.includes(holder.status) : false
    if (holder && (!takeFromHolder || beingMarked))
      throw new ConflictError(
        `${student.lastName} ${student.firstName} already has copy ${holder.anonymousId}${isSettled(holder) ? '' : ' (suggested by the matcher)'}: ${beingMarked ? 'it is being marked' : 'free it first'}`,
        { copy: holder.id, anonymousId: holder.anonymousId, settled: beingMarked },
      )
    if (holder) {
      await payload.update({ collection: 'copies', id: holder.id, depth: 0, overrideAccess: true, req, data: unnamed(holder) as never })
      await recordDecision({ payload, req, exam: examId, copy: holder.id, action: 'unassign', fromStudent: studentId, toStudent: null, details: { movedToCopy: copy.id } })
    }
  }
  const updated = await payload.update({
    collection: 'copies',
    id: copy.id,
    depth: 0,
    overrideAccess: true,
    req,
    data: (studentId === null
      ? unnamed(copy)
      : { student: studentId, status: copy.status === 'staging' ? 'ready' : copy.status, identification: { ...copy.identification, status: 'manual', method: 'manual', confidence: 1 } }) as never,
  })
  await recordDecision({ payload, req, exam: examId, copy: copy.id, action: studentId === null ? 'unassign' : 'assign', fromStudent: previous, toStudent: studentId })
  await advanceExamIfIdentified({ payload, examId, req })
  return updated
}
