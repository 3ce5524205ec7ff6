import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { recomputeCopyTotal } from '../../../collections/Grades'
import { BadRequestError, NotFoundError } from '../../../runtime/errors'
import { gradesOf } from './load'
import { systemWrite } from './systemWrite'

/** The admin settles a double-marked copy: the chosen marking is published, the others are kept as they are. */
export const decideMarking = async ({ payload, copyId, marking, req }: { payload: Payload; copyId: Id; marking: number; req: PayloadRequest }) => {
  if (![1, 2, 3].includes(marking)) throw new BadRequestError('marking must be 1, 2 or 3')
  const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!copy) throw new NotFoundError(`Copy ${copyId} does not exist`)
  const grades = await gradesOf({ payload, where: { and: [{ copy: { equals: copyId } }, { marking: { equals: marking } }] }, req })
  if (!grades.length) throw new BadRequestError(`Copy ${copy.anonymousId} has no grade in marking ${marking}`)
  const review = (copy as { markingReview?: { detail?: unknown } }).markingReview
  await payload.update({
    collection: 'copies',
    id: copyId,
    depth: 0,
    overrideAccess: true,
    req,
    data: { decidedMarking: marking, markingReview: { state: 'decided', detail: review?.detail ?? null, decidedBy: req.user?.id, decidedAt: new Date().toISOString() } } as never,
  })
  const total = await recomputeCopyTotal({ copyId, req })
  if (copy.status !== 'finalized' && copy.status !== 'locked')
    await systemWrite(req, () => payload.update({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, data: { status: 'finalized', finalizedAt: new Date().toISOString() } }))
  return { copy: copyId, marking, total }
}
