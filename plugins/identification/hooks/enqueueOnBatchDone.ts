import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../collections/relations'
import { enqueue } from '../../../jobs/queue'
import { logger } from '../../../runtime/logger'
import { IDENTIFY_EXAM } from '../jobs/identifyExam'

const FINISHED = ['done', 'partial']

/** A batch that finishes brings new copies: name them (the job reads only headers it has not read). */
export const enqueueOnBatchDone: CollectionAfterChangeHook = async ({ doc, previousDoc, operation }) => {
  if (operation !== 'update' || !FINISHED.includes(doc.status) || FINISHED.includes(previousDoc?.status)) return doc
  const examId = idOf(doc.exam)
  if (examId === undefined) return doc
  try {
    await enqueue({ name: IDENTIFY_EXAM, data: { examId } })
  } catch (err) {
    // The copies are stored; the desk's "re-run matching" starts the job again.
    logger.error({ err, exam: examId }, 'could not enqueue identification')
  }
  return doc
}
