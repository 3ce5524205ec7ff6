import type { CollectionAfterChangeHook } from 'payload'

import { runKorrigoHook } from './registry'

/** Fires `onExamPublished` once, on the change that makes an exam published (by the publish job or by hand). */
export const examPublishedHook: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  const was = operation === 'create' ? undefined : previousDoc?.status
  if (doc.status === 'published' && was !== 'published') await runKorrigoHook({ name: 'onExamPublished', payload: req.payload, args: { exam: doc, payload: req.payload, req } })
  return doc
}
