import type { PayloadRequest } from 'payload'

type Handler = (req: PayloadRequest) => Promise<Response>
type ClientError = Error & { status: number; details?: Record<string, unknown> }

const isClientError = (error: unknown): error is ClientError =>
  error instanceof Error && typeof (error as { status?: unknown }).status === 'number' && (error as ClientError).status < 500

/**
 * Typed errors of a custom endpoint become `{ errors: [{ message, data? }] }` with their own status, like
 * Payload's answers; `headers` adds per-error headers (Retry-After, no-store). Server errors go on to
 * Payload, which logs them and answers 500.
 */
export const withErrors =
  (handler: Handler, { headers }: { headers?: (error: ClientError) => Record<string, string> } = {}): Handler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (!isClientError(error)) throw error
      return Response.json({ errors: [{ message: error.message, ...(error.details ? { data: error.details } : {}) }] }, { status: error.status, headers: headers?.(error) })
    }
  }
