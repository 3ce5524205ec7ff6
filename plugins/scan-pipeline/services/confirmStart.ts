import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { NotFoundError } from '../../../runtime/errors'
import { recordDecision } from '../../identification/services/decisions'

/**
 * A person looked at a copy whose start ingestion only proposed and says it is right: the copy is no
 * longer listed as to check, and the decision is logged (who, when, on what evidence). A wrong start is
 * fixed with the desk's page tools instead (split, merge, move).
 */
export const confirmStart = async ({ payload, req, copyId }: { payload: Payload; req: PayloadRequest; copyId: Id }) => {
  const found = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!found) throw new NotFoundError(`Copy ${copyId} does not exist`)
  const examId = idOf(found.exam)!
  return withLock({
    payload,
    key: examCopiesLock(examId),
    work: async () => {
      const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, disableErrors: true })
      if (!copy) throw new NotFoundError(`Copy ${copyId} does not exist`)
      const segmentation = (copy.segmentation ?? {}) as { boundary?: string | null; margin?: number | null; unsure?: boolean | null }
      if (!segmentation.unsure) return copy
      const updated = await payload.update({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, req, data: { segmentation: { ...segmentation, unsure: false } } as never })
      const first = (copy.pages ?? [])[0] as { batch?: unknown; sourcePage?: number; region?: string } | undefined
      await recordDecision({
        payload,
        req,
        exam: examId,
        copy: copy.id,
        action: 'confirm-start',
        details: { boundary: segmentation.boundary ?? null, margin: segmentation.margin ?? null, batch: idOf(first?.batch) ?? null, sourcePage: first?.sourcePage ?? null, region: first?.region ?? null },
      })
      return updated
    },
  })
}
