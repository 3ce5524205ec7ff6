import type { PayloadRequest } from 'payload'

import { BadRequestError } from '../../runtime/errors'
import { parseId, type Id } from '../../shared/ids'

/** The id in a route parameter (`:id` by default), parsed one way for every endpoint; 400 when there is none. */
export const routeId = (req: PayloadRequest, name = 'id'): Id => {
  const id = parseId(req.routeParams?.[name])
  if (id === undefined) throw new BadRequestError(`Missing or invalid :${name} in the URL`)
  return id
}
