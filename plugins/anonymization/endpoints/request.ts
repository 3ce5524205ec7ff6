import type { PayloadRequest } from 'payload'

import { isAdmin } from '../../../collections/access/roles'
import { ForbiddenError, KorrigoError } from '../../../runtime/errors'

export { withErrors } from '../../../runtime/with-errors'

export const requireUser = (req: PayloadRequest): void => {
  if (!req.user) throw new KorrigoError({ code: 'unauthorized', message: 'Sign in first', status: 401 })
}

export const requireAdmin = (req: PayloadRequest): void => {
  requireUser(req)
  if (!isAdmin(req.user)) throw new ForbiddenError('For admins only')
}

export { routeId } from '../../kit/routeId'
