import type { PayloadRequest } from 'payload'

import { BadRequestError } from '../../../runtime/errors'
import { requireAdmin as requireAdminOf } from '../../kit/access'

/** Identification shows who wrote what: admins only, teachers get a plain 403 (401 when signed out). */
export const requireAdmin = (req: PayloadRequest): void => requireAdminOf(req, 'Identification is for admins only')

export { routeId } from '../../kit/routeId'

export const jsonBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  const body = req.json ? await req.json().catch(() => undefined) : undefined
  if (!body || typeof body !== 'object') throw new BadRequestError('A JSON body is expected')
  return body as Record<string, unknown>
}

export { withErrors } from '../../../runtime/with-errors'
