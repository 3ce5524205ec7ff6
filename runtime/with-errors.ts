import type { AfterErrorHook, PayloadRequest } from 'payload'

import { clientErrorOf, NotFoundError, rootCodeOf, type KorrigoError } from './errors'

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

/**
 * Payload 3.90 deletes a preference by key with a query that fails when the signed-in user has none of that
 * name (the PostgreSQL adapter's fallback query refers to a join it did not make): that is "not found".
 */
const missingPreference = ({ req, error }: { req: PayloadRequest; error: unknown }): KorrigoError | undefined =>
  req.method === 'DELETE' &&
  typeof req.routeParams?.key === 'string' &&
  /\/payload-preferences\//.test(new URL(req.url ?? 'http://x').pathname) &&
  rootCodeOf(error)?.code === '42P01'
    ? new NotFoundError(`You have no preference "${req.routeParams.key}"`)
    : undefined

/**
 * Payload's `afterError` hook (config level, so REST, GraphQL and custom endpoints alike): errors that the
 * request caused but that surface from the database or the file system (clientErrorOf) answer with their
 * 4xx and a message saying what was wrong, instead of "Something went wrong." with a 500.
 */
export const clientErrorsHook: AfterErrorHook = ({ error, collection, req, graphqlResult }) => {
  const status = (error as { status?: number }).status ?? (error as { originalError?: { status?: number } }).originalError?.status
  if (status && status < 500) return
  const original = (error as { originalError?: unknown }).originalError ?? error
  const mapped =
    clientErrorOf({ error: original, collection: collection?.slug ?? (req.routeParams?.collection as string | undefined), id: req.routeParams?.id as string | undefined }) ??
    missingPreference({ req, error: original })
  if (!mapped) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message: mapped.message, extensions: { ...graphqlResult.extensions, statusCode: mapped.status } } }
  return { response: { errors: [{ message: mapped.message, ...(mapped.details ? { data: mapped.details } : {}) }] }, status: mapped.status }
}
