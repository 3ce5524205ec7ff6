import type { PayloadRequest } from 'payload'

import { isAdmin, isTeacher } from '../../collections/access/roles'
import { ForbiddenError, UnauthorizedError } from '../../runtime/errors'

/**
 * The one way an endpoint checks who calls it: nobody signed in is always 401, a signed-in user of the
 * wrong role always 403 — whatever the route, before its parameters or body are read.
 */
export const requireSignedIn = (req: PayloadRequest): NonNullable<PayloadRequest['user']> => {
  if (!req.user) throw new UnauthorizedError()
  return req.user
}

/** Admins only; `why` tells a teacher what the endpoint is for (its 403 message). */
export const requireAdmin = (req: PayloadRequest, why = 'For admins only'): void => {
  if (!isAdmin(requireSignedIn(req))) throw new ForbiddenError(why)
}

/** Admins and teachers (staff); which exams a teacher may reach is the endpoint's own rule. */
export const requireStaff = (req: PayloadRequest, why = 'For admins and teachers only'): void => {
  const user = requireSignedIn(req)
  if (!isAdmin(user) && !isTeacher(user)) throw new ForbiddenError(why)
}
