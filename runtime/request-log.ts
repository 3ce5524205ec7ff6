import { randomUUID } from 'node:crypto'

import type { NextFunction, Request, Response } from 'express'

import { logger } from './logger'

/** One JSON line per API request, with a request id echoed back to the client for support. */
export const requestLog = (req: Request, res: Response, next: NextFunction): void => {
  const requestId = req.get('x-request-id') ?? randomUUID()
  res.setHeader('x-request-id', requestId)
  const start = performance.now()
  const path = req.originalUrl.split('?')[0] ?? '/'
  res.on('finish', () => {
    if (path.startsWith('/_next') || path.startsWith('/api/health')) return
    logger.info({ requestId, method: req.method, path, status: res.statusCode, durationMs: Math.round(performance.now() - start) }, 'request')
  })
  next()
}
