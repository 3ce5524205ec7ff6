export { requireAdmin, requireUser, routeId, withErrors } from '../../anonymization/endpoints/request'
import type { PayloadRequest } from 'payload'

import { BadRequestError } from '../../../runtime/errors'

export const jsonBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  const body = req.json ? await req.json().catch(() => undefined) : undefined
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadRequestError('A JSON object is expected as the body')
  return body as Record<string, unknown>
}
