import fs from 'node:fs'
import path from 'node:path'

import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import { handleEndpoints } from 'payload'

import { scanBatchUploads } from '../plugins/scan-pipeline/uploads/scanBatchUploads'
import { multipartSizeGuard } from '../storage/upload-limits'
import { adminEntryPaths, adminEntryRedirects } from './admin-entry'
import type { Runtime } from './boot'
import { config } from './config'
import { healthRouter } from './health'
import { logger } from './logger'
import { metricsMiddleware, metricsRouter } from './metrics'
import { projectRoot } from './paths'
import { requestLog } from './request-log'
import { SharedRateLimitStore } from './shared-counters/rate-limit-store'
import { adminCsp, allowedOrigins, hstsOverHttps, sameOriginCookieWrites } from './security-headers'
import { apiRequestChecks } from './request-checks'
import { STAFF_AUTH_PATHS, graphqlAuthLimit, staffSignInLimiter } from './sign-in-limits'
import { canonicalPaths, sendWebResponse, toWebRequest } from './web-bridge'

export type NextHandler = (req: Request, res: Response) => Promise<void>

/** Agendash can requeue or delete any job: only a signed-in admin gets through. */
const adminOnly =
  (runtime: Runtime) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const { user } = await runtime.payload.auth({ headers: toWebRequest(req).headers })
      if ((user as { role?: string } | null)?.role === 'admin') return next()
      res.status(user ? 403 : 401).json({ errors: [{ message: user ? 'Admins only' : 'Sign in as an admin first' }] })
    } catch (err) {
      next(err)
    }
  }

/**
 * One Express app: health, Payload REST/GraphQL under /api, Agendash under /admin/jobs, the portal's
 * build under /portal, and the Next admin for everything else (when it is built and enabled).
 */
export const createHttpApp = async ({ runtime, nextHandler }: { runtime: Runtime; nextHandler?: NextHandler }): Promise<Express> => {
  const app = express()
  app.disable('x-powered-by')
  // One hop: the client is the address our reverse proxy appended to X-Forwarded-For, never an entry the client
  // wrote itself (trusting every hop would let anyone pick their address, and escape per-IP limits).
  app.set('trust proxy', config().KORRIGO_TRUST_PROXY ? 1 : false)

  // Security headers everywhere; the Next admin sets its own script policy, so CSP is per area below.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, strictTransportSecurity: false }), hstsOverHttps)
  app.use(requestLog, metricsMiddleware)
  // Before any route matches a path: `/api/users/./login` must meet the same limit as `/api/users/login`.
  app.use(canonicalPaths)
  // Resumable uploads (tus) stream their chunks to disk: before the body checks, which know only JSON and forms.
  const scanUploads = scanBatchUploads({ payload: runtime.payload })
  app.all(scanUploads.routes, sameOriginCookieWrites({ allowed: allowedOrigins() }), scanUploads.handler)
  // A form upload larger than any accepted file is refused before it is read (KORRIGO_MAX_UPLOAD_MB named).
  app.use('/api', multipartSizeGuard)
  // Bad input is a 4xx that says what is wrong, before Payload turns it into a database error.
  app.use('/api', ...apiRequestChecks())
  // A write that a browser authenticates with our session cookie must come from our own pages.
  app.use(sameOriginCookieWrites({ allowed: allowedOrigins() }))
  app.use('/api/health', healthRouter(runtime))
  app.use('/api/metrics', metricsRouter(runtime))
  // One budget per IP for staff sign-in, password and unlock requests, over REST and GraphQL alike.
  const staffLimiter = staffSignInLimiter({ payload: runtime.payload })
  app.use(STAFF_AUTH_PATHS, staffLimiter)
  app.post('/api/graphql', ...graphqlAuthLimit(staffLimiter))
  // Students: the lock per address stops guessing one birth date; this stops trying many addresses from
  // one machine. Only failures count, so a whole class signing in from the school's one IP is not blocked.
  app.use(
    '/api/student-space/sign-in',
    rateLimit({
      store: new SharedRateLimitStore({ payload: runtime.payload, prefix: 'student-sign-in' }),
      windowMs: 60_000,
      limit: config().KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      message: { errors: [{ message: 'Too many sign-in attempts from this address: wait a minute.' }] },
    }),
  )

  const { createExpressMiddleware } = await import('agendash')
  app.use('/admin/jobs', adminOnly(runtime), createExpressMiddleware(runtime.agenda))

  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const graphql = GRAPHQL_POST(runtime.payload.config)
  app.post('/api/graphql', async (req, res, next) => {
    try {
      await sendWebResponse(res, await graphql(toWebRequest(req)))
    } catch (err) {
      next(err)
    }
  })

  app.all('/api{/*rest}', async (req, res, next) => {
    try {
      const response = await handleEndpoints({ config: runtime.payload.config, request: toWebRequest(req) })
      // Payload answers 501 for a route it does not have (a collection without REST, a wrong method): not a server fault.
      if (response.status === 501) {
        res.status(404).json({ errors: [{ message: `No such API route: ${req.method} ${req.path}` }] })
        return
      }
      await sendWebResponse(res, response)
    } catch (err) {
      next(err)
    }
  })

  const portalDist = path.join(projectRoot, 'portal', 'dist')
  if (fs.existsSync(portalDist)) {
    const portalCsp = helmet.contentSecurityPolicy({
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'", 'blob:', 'data:'],
        'worker-src': ["'self'", 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    })
    app.use('/portal', portalCsp, express.static(portalDist, { index: 'index.html', maxAge: '1h' }))
    // Client-side routes of the portal all land on its index.
    app.get('/portal{/*rest}', (_req, res) => res.sendFile(path.join(portalDist, 'index.html')))
  } else {
    app.get('/portal{/*rest}', (_req, res) => {
      res.status(503).send('The portal is not built yet: run "npm run build:portal".')
    })
  }

  app.get('/', (_req, res) => res.redirect('/portal/'))

  if (nextHandler) {
    app.get(adminEntryPaths(runtime), adminEntryRedirects(runtime))
    app.all('{*rest}', adminCsp({ dev: config().NODE_ENV !== 'production' }), (req, res) => nextHandler(req, res))
  }

  app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err }, 'request failed')
    if (!res.headersSent) res.status(err.status ?? 500).json({ errors: [{ message: err.status ? err.message : 'Something went wrong.' }] })
  })
  return app
}
