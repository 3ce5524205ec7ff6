import type { Payload } from 'payload'

import type { Id } from '../../../../collections/access/roles'
import { sameId } from '../../../../collections/relations'
import { examCopiesLock, withLock } from '../../../../locks/withLock'
import { copiesOfExam } from '../../../identification/services/copies'
import { recordDecision } from '../../../identification/services/decisions'
import type { PlannedCopy } from '../../lib/types'
import { recordOf } from './record'

export type BookletNaming = { named: number; conflicts: number }

/**
 * Booklets printed with a student's name name their copies at ingestion: the code is read, not the
 * handwriting, so each copy is identified with certainty (method `qr-code`, logged as a decision) and the
 * identification job leaves it alone. Nothing happens for a blank booklet, another exam's booklet or a copy
 * already named; a student who already holds a copy (the same booklet scanned in two batches) is said on
 * the copy, for the desk. One lock and one read of the exam's copies for the whole slice of copies.
 */
/** The student a planned copy's booklet was printed for, if any: its copy is created already reserved for the code. */
export const printedStudentOf = ({ exam, planned }: { exam: object & { id: Id }; planned: PlannedCopy }): Id | undefined => {
  const booklet = planned.booklet
  if (!booklet || booklet.examId !== String(exam.id)) return undefined
  return recordOf(exam).copies.find((c) => c.copyNo === booklet.copyNo)?.student ?? undefined
}

export const nameBookletCopies = async ({
  payload,
  exam,
  copies,
}: {
  payload: Payload
  exam: object & { id: Id }
  copies: { copyId: Id; planned: PlannedCopy }[]
}): Promise<BookletNaming> => {
  const wanted = copies.flatMap(({ copyId, planned }) => {
    const student = printedStudentOf({ exam, planned })
    return student === undefined ? [] : [{ copyId, copyNo: planned.booklet!.copyNo, student }]
  })
  if (wanted.length === 0) return { named: 0, conflicts: 0 }
  return withLock({
    payload,
    key: examCopiesLock(exam.id),
    work: async () => {
      const all = await copiesOfExam({ payload, examId: exam.id })
      const result: BookletNaming = { named: 0, conflicts: 0 }
      for (const { copyId, copyNo, student } of wanted) {
        const copy = all.find((c) => sameId(c.id, copyId))
        if (!copy || copy.student) continue
        const holder = all.find((c) => !sameId(c.id, copyId) && sameId(c.student, student))
        if (holder) {
          result.conflicts++
          const anomaly = `booklet ${copyNo} is already copy ${holder.anonymousId} (scanned twice?)`
          const anomalies = (copy.anomalies as string[] | null) ?? []
          if (anomalies.includes(anomaly) && copy.identification?.method !== 'qr-code') continue
          await payload.update({
            collection: 'copies',
            id: copy.id,
            depth: 0,
            overrideAccess: true,
            // No longer reserved for the code: identification reads it like any copy, the desk sees why.
            data: {
              anomalies: anomalies.includes(anomaly) ? anomalies : [...anomalies, anomaly],
              identification: { ...copy.identification, method: null },
            } as never,
          })
          continue
        }
        await payload.update({
          collection: 'copies',
          id: copy.id,
          depth: 0,
          overrideAccess: true,
          data: { student, status: copy.status === 'staging' ? 'ready' : copy.status, identification: { ...copy.identification, status: 'identified', method: 'qr-code', confidence: 1 } } as never,
        })
        copy.student = student
        await recordDecision({ payload, exam: exam.id, copy: copy.id, action: 'assign', method: 'qr-code', toStudent: student, details: { booklet: copyNo } })
        result.named++
      }
      return result
    },
  })
}
