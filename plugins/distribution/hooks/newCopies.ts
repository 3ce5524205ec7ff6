import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../collections/relations'
import { applyDistribution } from '../services/applyDistribution'
import { loadExam } from '../services/load'

/** A copy that leaves the identification desk joins the distribution of its exam (everyone else's share stays). */
export const distributeNewCopy: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const arrived = doc.status !== 'staging' && (operation === 'create' || previousDoc?.status === 'staging')
  if (!arrived) return doc
  const examId = idOf(doc.exam)!
  const { settings } = await loadExam({ payload: req.payload, examId, req }).catch(() => ({ settings: undefined }))
  if (!settings || settings.mode === 'all') return doc
  await applyDistribution({ payload: req.payload, examId, req }).catch((error: Error) => req.payload.logger.warn({ exam: examId, err: error.message }, 'new copy not distributed'))
  return doc
}
