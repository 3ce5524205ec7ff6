import { randomBytes } from 'node:crypto'

import type { NextFunction, Request, RequestHandler, Response } from 'express'

import { config } from './config'

/** The origin (`scheme://host[:port]`) of a URL, or undefined. */
export const originOf = (value: string | undefined): string | undefined => {
  if (!value) return undefined
  if (value === 'null') return 'null'
  try {
    return new URL(value).origin
  } catch {
    return undefined
  }
}

/** Origins allowed to send cookie-authenticated writes besides the app's own host: KORRIGO_PUBLIC_URL's. */
export const allowedOrigins = (publicUrl = config().KORRIGO_PUBLIC_URL): string[] => {
  const origin = originOf(publicUrl)
  return origin && origin !== 'null' ? [origin] : []
}

const SESSION_COOKIES = /(?:^|;\s*)(?:payload-token|korrigo-student)=/
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * CSRF: a state-changing request that a browser authenticates with one of our session cookies must come
 * from our own pages. The Origin (else the Referer) must be this host or an allowed origin; without either,
 * a browser's `Sec-Fetch-Site: cross-site` is refused. A request carrying its token in a header is not
 * something a foreign page can make a browser send, and is let through, as is a client with no cookie.
 * SameSite cookies stay the first line; this is the second, and it covers our own endpoints as well as
 * Payload's (whose `csrf` list only applies when it reads the cookie).
 */
export const sameOriginCookieWrites =
  ({ allowed }: { allowed: string[] }): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    if (!WRITES.has(req.method) || req.headers.authorization || !SESSION_COOKIES.test(req.headers.cookie ?? '')) return next()
    const source = originOf(req.headers.origin) ?? originOf(req.headers.referer)
    const fromHere = source !== undefined && source !== 'null' && (allowed.includes(source) || new URL(source).host === req.host)
    if (fromHere || (source === undefined && req.headers['sec-fetch-site'] !== 'cross-site')) return next()
    res.status(403).json({ errors: [{ message: `Cross-site request refused: a session cookie came with a request from ${source ?? 'another site'}.` }] })
  }

/** HSTS only on a response that went out over HTTPS (directly, or behind a proxy trusted with KORRIGO_TRUST_PROXY). */
export const hstsOverHttps: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=15552000; includeSubDomains')
  next()
}

/**
 * The admin's Content-Security-Policy. Scripts: our origin and a per-response nonce, which Next puts on the
 * inline scripts it renders when it finds the policy on the request (no 'unsafe-inline', no 'unsafe-eval'
 * in production; Next's dev server needs eval for hot reloading). Styles need 'unsafe-inline': Payload's
 * admin renders style attributes and Next inlines style tags, and neither can carry a nonce.
 */
export const adminCsp =
  ({ dev }: { dev: boolean }): RequestHandler =>
  (req, res, next) => {
    const nonce = randomBytes(16).toString('base64')
    const policy = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ].join('; ')
    // On the request for Next (it reads the nonce from there), on the response for the browser.
    req.headers['content-security-policy'] = policy
    res.setHeader('Content-Security-Policy', policy)
    next()
  }
