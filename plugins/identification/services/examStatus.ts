import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { copiesOfExam, isOpen } from './copies'

/** The exam goes to marking once no copy waits for a name; re-opened by nothing (marking is a one-way door). */
export const advanceExamIfIdentified = async ({ payload, examId, req }: { payload: Payload; examId: Id; req?: PayloadRequest }): Promise<boolean> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req })
  if (exam.status !== 'identifying') return false
  const copies = await copiesOfExam({ payload, examId, req })
  if (!copies.length || copies.some(isOpen)) return false
  await payload.update({ collection: 'exams', id: examId, data: { status: 'marking' }, overrideAccess: true, req })
  return true
}
