import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'

import { config } from './config'

/**
 * Checks every /api request gets before Payload sees it, so that bad input is a 4xx that says what is
 * wrong instead of a database or stack error (500): the JSON body is read once here (size-bounded), must
 * parse, be an object or array, nest at most MAX_DEPTH levels and hold no NUL character (PostgreSQL refuses
 * them); a body in another declared type than JSON or a form is refused (a browser's plain-text body is
 * also what a cross-site form can send); `limit`, `page` and `depth` must be whole numbers.
 */
const MAX_DEPTH = 64
const JSON_TYPES = ['application/json', 'application/*+json']
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded']

const send = (res: Response, status: number, message: string, data?: Record<string, unknown>) =>
  res.status(status).json({ errors: [{ message, ...(data ? { data } : {}) }] })

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0

/** The first problem of a parsed JSON value: too deep, or a NUL in a key or a string (with its path). */
export const jsonValueProblem = (value: unknown, path = '', depth = 0): string | undefined => {
  if (depth > MAX_DEPTH) return `${path || 'the body'}: nested deeper than ${MAX_DEPTH} levels`
  if (typeof value === 'string') return value.includes('\u0000') ? `${path || 'the body'}: text cannot contain a NUL character (\\u0000)` : undefined
  if (!value || typeof value !== 'object') return undefined
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  for (const [key, child] of entries) {
    if (key.includes('\u0000')) return `${path || 'the body'}: a key contains a NUL character (\\u0000)`
    const problem = jsonValueProblem(child, path ? `${path}.${key}` : key, depth + 1)
    if (problem) return problem
  }
  return undefined
}

/** Nesting depth of raw JSON text, counted without parsing (a deep enough document overflows the parser's callers). */
const nestingOf = (text: string): number => {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth)
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return deepest
}

const checkJson = (req: Request, res: Response, next: NextFunction): void => {
  if (!Buffer.isBuffer(req.body)) return next()
  const text = req.body.toString('utf8')
  if (!text.trim()) return next()
  if (nestingOf(text) > MAX_DEPTH) return void send(res, 400, `The JSON body is nested deeper than ${MAX_DEPTH} levels.`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return void send(res, 400, `The request body is not valid JSON: ${(error as Error).message}`)
  }
  if (value === null || typeof value !== 'object') return void send(res, 400, 'The JSON body must be an object.')
  const problem = jsonValueProblem(value)
  if (problem) return void send(res, 400, problem)
  next()
}

const WHOLE = { limit: /^\d{1,7}$/, page: /^[1-9]\d{0,8}$/, depth: /^\d{1,2}$/ } as const

const checkQuery = (req: Request, res: Response, next: NextFunction): void => {
  const params = new URL(req.url, 'http://localhost').searchParams
  for (const [name, pattern] of Object.entries(WHOLE)) {
    const value = params.get(name)
    if (value !== null && !pattern.test(value)) return void send(res, 400, `${name} must be a whole number${name === 'page' ? ' from 1' : ''} (got "${value.slice(0, 40)}").`)
  }
  next()
}

const checkBodyType = (req: Request, res: Response, next: NextFunction): void => {
  if (req.method === 'GET' || req.method === 'HEAD' || !hasBody(req) || req.is([...JSON_TYPES, ...FORM_TYPES])) return next()
  const declared = req.headers['content-type'] ? `as ${String(req.headers['content-type']).split(';')[0]}` : 'without a Content-Type'
  send(res, 415, `The request body was sent ${declared}: send JSON with "Content-Type: application/json", or a file as multipart/form-data.`)
}

/** Reads a JSON body into a Buffer (for checkJson and the bridge), with a message that says the limit. */
const readJson = (): RequestHandler => {
  const megabytes = config().KORRIGO_JSON_MAX_MB
  const raw = express.raw({ type: JSON_TYPES, limit: `${megabytes}mb` })
  return (req, res, next) =>
    raw(req, res, (error?: unknown) => {
      const failure = error as { type?: string; status?: number; message?: string } | undefined
      if (!failure) return next()
      if (failure.type === 'entity.too.large') return void send(res, 413, `The JSON body is larger than ${megabytes} MB (KORRIGO_JSON_MAX_MB).`)
      send(res, failure.status && failure.status < 500 ? failure.status : 400, `The request body could not be read: ${failure.message}`)
    })
}

/** Mounted on /api, before Payload's REST and GraphQL handlers. */
export const apiRequestChecks = (): RequestHandler[] => [checkQuery, checkBodyType, readJson(), checkJson]
