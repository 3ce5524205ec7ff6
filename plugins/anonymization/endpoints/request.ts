import type { PayloadRequest } from 'payload'

import { requireSignedIn } from '../../kit/access'

export { withErrors } from '../../../runtime/with-errors'

export const requireUser = (req: PayloadRequest): void => void requireSignedIn(req)

export { requireAdmin } from '../../kit/access'

export { routeId } from '../../kit/routeId'
