import type { PayloadRequest } from 'payload'

import { isAdmin, type Id } from '../../../collections/access/roles'
import { BadRequestError, ForbiddenError, KorrigoError } from '../../../runtime/errors'

export { withErrors } from '../../../runtime/with-errors'

export const requireUser = (req: PayloadRequest): void => {
  if (!req.user) throw new KorrigoError({ code: 'unauthorized', message: 'Sign in first', status: 401 })
}

export const requireAdmin = (req: PayloadRequest): void => {
  requireUser(req)
  if (!isAdmin(req.user)) throw new ForbiddenError('For admins only')
}

export const routeId = (req: PayloadRequest, name = 'id'): Id => {
  const value = req.routeParams?.[name]
  if (typeof value !== 'string' && typeof value !== 'number') throw new BadRequestError(`Missing :${name}`)
  return /^\d+$/.test(String(value)) ? Number(value) : String(value)
}
