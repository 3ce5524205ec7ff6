import { Readable } from 'node:stream'

import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

/**
 * The path every layer agrees on. Payload sees the request through the Fetch `URL` parser, which resolves
 * `.` and `..` segments (also written `%2e`) and reads `\` as `/`; Express matches the raw string. Rate
 * limits and routes are keyed on this form, so `/api/users/./login`, `/api//users/login` or
 * `/api/users/%2e/login` are the same path as `/api/users/login` everywhere. Returns undefined for a
 * request target no URL parser accepts.
 */
export const canonicalUrl = (raw: string): string | undefined => {
  try {
    // Absolute-form targets (`POST http://host/api/...`) keep their path; origin-form is read as the bridge reads it.
    const parsed = raw.startsWith('/') ? new URL(`http://localhost${raw}`) : new URL(raw)
    return `${parsed.pathname.replace(/\/{2,}/g, '/')}${parsed.search}`
  } catch {
    return undefined
  }
}

/** First middleware of the app: every later route, limit and the bridge see the canonical URL. */
export const canonicalPaths = (req: ExpressRequest, res: ExpressResponse, next: () => void): void => {
  // No file, name or value may hold a NUL; refused here, it never reaches a file path or a query.
  if (/%00|\u0000/i.test(req.url)) {
    res.status(400).json({ errors: [{ message: 'The URL contains a NUL character (%00).' }] })
    return
  }
  const url = canonicalUrl(req.url)
  if (url === undefined) {
    res.status(400).json({ errors: [{ message: 'The request URL cannot be parsed.' }] })
    return
  }
  req.url = url
  req.originalUrl = url
  next()
}

/** Payload's REST and GraphQL handlers speak Fetch; Express speaks Node streams. */
export const toWebRequest = (req: ExpressRequest): Request => {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  // Who is asking, as Express resolved it (socket, or a proxy trusted by KORRIGO_TRUST_PROXY): the audit
  // trail records it. Set here, so a client cannot choose it by sending the header itself.
  headers.set('x-korrigo-client-ip', req.ip ?? req.socket?.remoteAddress ?? '')
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  // A middleware that had to read the body first (the GraphQL sign-in limit) leaves it as a Buffer.
  const read = Buffer.isBuffer(req.body) ? (req.body as Buffer) : undefined
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (read ? new Uint8Array(read) : (Readable.toWeb(req) as ReadableStream)) : undefined,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
}

export const sendWebResponse = async (res: ExpressResponse, response: Response): Promise<void> => {
  res.status(response.status)
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') res.setHeader(key, value)
  })
  // Payload's cookies carry `Secure` only if configured so; over HTTPS (or behind a trusted proxy that says
  // it was HTTPS) every session cookie gets it, over plain HTTP (a school's LAN) it would never be sent back.
  const secure = res.req?.secure === true
  const cookies = response.headers.getSetCookie().map((cookie) => (secure && !/;\s*secure\b/i.test(cookie) ? `${cookie}; Secure` : cookie))
  if (cookies.length) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as never)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject)
  })
}
