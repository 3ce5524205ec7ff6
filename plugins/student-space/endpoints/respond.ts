import type { PayloadRequest } from 'payload'

import { withErrors as withCommonErrors } from '../../../runtime/with-errors'
import { StudentLockedError } from '../errors'

/** Everything the student space answers is personal: never stored by a browser or a proxy. */
export const PRIVATE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const

export const json = ({ status = 200, body, headers = {} }: { status?: number; body: unknown; headers?: Record<string, string> }): Response =>
  Response.json(body, { status, headers: { ...PRIVATE, ...headers } })

/** The request came over HTTPS (directly, or through a trusted proxy that Express already resolved). */
export const isSecure = (req: PayloadRequest): boolean => {
  try {
    return new URL(req.url ?? '').protocol === 'https:'
  } catch {
    return false
  }
}

/** Like every endpoint's errors (runtime/with-errors), never cached, and a lock says when to come back. */
export const withErrors = (handler: (req: PayloadRequest) => Promise<Response>) =>
  withCommonErrors(handler, {
    headers: (error) => ({ ...PRIVATE, ...(error instanceof StudentLockedError ? { 'retry-after': String(error.retryAfterSeconds) } : {}) }),
  })
