import type { Payload } from 'payload'

import type { Id } from '../../../../collections/access/roles'
import { sameId } from '../../../../collections/relations'
import { examCopiesLock, withLock } from '../../../../locks/withLock'
import { copiesOfExam } from '../../../identification/services/copies'
import { recordDecision } from '../../../identification/services/decisions'
import type { PlannedCopy } from '../../lib/types'
import { recordOf } from './record'

/**
 * A booklet printed with a student's name names its copy at ingestion: the code is read, not the
 * handwriting, so the copy is identified with certainty (method `qr-code`, logged as a decision) and the
 * identification job leaves it alone. Nothing happens for a blank booklet, another exam's booklet, a copy
 * already named, or a student who already holds a copy (the same booklet scanned in two batches): the
 * last one is said on the copy, for the desk.
 */
export const nameBookletCopy = async ({
  payload,
  exam,
  copyId,
  planned,
}: {
  payload: Payload
  exam: { id: Id; booklets?: unknown }
  copyId: Id
  planned: PlannedCopy
}): Promise<'named' | 'skipped' | 'conflict'> => {
  const booklet = planned.booklet
  if (!booklet || booklet.examId !== String(exam.id)) return 'skipped'
  const student = recordOf(exam).copies.find((c) => c.copyNo === booklet.copyNo)?.student
  if (student === null || student === undefined) return 'skipped'
  return withLock({
    payload,
    key: examCopiesLock(exam.id),
    work: async () => {
      const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true })
      if (copy.student) return 'skipped'
      const holder = (await copiesOfExam({ payload, examId: exam.id })).find((c) => c.id !== copy.id && sameId(c.student, student))
      if (holder) {
        await payload.update({
          collection: 'copies',
          id: copy.id,
          depth: 0,
          overrideAccess: true,
          data: { anomalies: [...((copy.anomalies as string[] | null) ?? []), `booklet ${booklet.copyNo} is already copy ${holder.anonymousId} (scanned twice?)`] } as never,
        })
        return 'conflict'
      }
      await payload.update({
        collection: 'copies',
        id: copy.id,
        depth: 0,
        overrideAccess: true,
        data: { student, status: copy.status === 'staging' ? 'ready' : copy.status, identification: { ...copy.identification, status: 'identified', method: 'qr-code', confidence: 1 } } as never,
      })
      await recordDecision({ payload, exam: exam.id, copy: copy.id, action: 'assign', method: 'qr-code', toStudent: student, details: { booklet: booklet.copyNo } })
      return 'named'
    },
  })
}
