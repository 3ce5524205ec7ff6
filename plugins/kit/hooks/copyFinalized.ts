import type { CollectionAfterChangeHook } from 'payload'

import { runKorrigoHook } from './registry'

/** Fires `onCopyFinalized` once, on the change that makes a copy finalized. */
export const copyFinalizedHook: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  const was = operation === 'create' ? undefined : previousDoc?.status
  if (doc.status === 'finalized' && was !== 'finalized') await runKorrigoHook({ name: 'onCopyFinalized', payload: req.payload, args: { copy: doc, payload: req.payload, req } })
  return doc
}
