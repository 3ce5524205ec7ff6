import type { PayloadRequest } from 'payload'

import { requireAdmin as requireAdminOf } from '../../kit/access'

/** Identification shows who wrote what: admins only, teachers get a plain 403 (401 when signed out). */
export const requireAdmin = (req: PayloadRequest): void => requireAdminOf(req, 'Identification is for admins only')

export { routeId } from '../../kit/routeId'

export { withErrors } from '../../../runtime/with-errors'
