import type { PayloadRequest } from 'payload'

import { KorrigoError } from '../../../runtime/errors'
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

/**
 * Typed errors become `{ errors: [{ message, data? }] }` with their status, like Payload's own answers;
 * a lock adds Retry-After. Anything unexpected goes on to Payload, which logs it and answers 500.
 */
export const withErrors =
  (handler: (req: PayloadRequest) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      return await handler(req)
    } catch (error) {
      if (!(error instanceof KorrigoError) || error.status >= 500) throw error
      const headers: Record<string, string> = error instanceof StudentLockedError ? { 'retry-after': String(error.retryAfterSeconds) } : {}
      return json({ status: error.status, body: { errors: [{ message: error.message, ...(error.details ? { data: error.details } : {}) }] }, headers })
    }
  }
