import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import { Kind, parse, visit } from 'graphql'
import type { Payload } from 'payload'

import { config } from './config'
import { SharedRateLimitStore } from './shared-counters/rate-limit-store'

/** Staff authentication routes over REST; GraphQL's mutations of the same name share their budget. */
export const STAFF_AUTH_PATHS = [
  '/api/users/login',
  '/api/users/forgot-password',
  '/api/users/reset-password',
  '/api/users/unlock',
  '/api/users/first-register',
]

/** Payload's GraphQL auth mutations (`loginUser`, `forgotPasswordUser`, `unlockUser`, …) of any auth collection. */
const AUTH_MUTATION = /^(login|forgotPassword|resetPassword|unlock|verifyEmail)[A-Z]/

/** Payload locks an account after repeated failures; this slows down guessing across accounts too. */
export const staffSignInLimiter = ({ payload }: { payload: Payload }): RequestHandler =>
  rateLimit({
    store: new SharedRateLimitStore({ payload, prefix: 'staff-sign-in' }),
    windowMs: 60_000,
    limit: config().KORRIGO_LOGIN_RATE_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { errors: [{ message: 'Too many sign-in attempts from this address: wait a minute.' }] },
  })

/**
 * How many authentication mutations a GraphQL request runs (aliases and fragments included); 0 when the
 * body is not a GraphQL document at all (graphql-http then answers the error without running anything).
 */
export const authMutationCount = (body: unknown): number => {
  let query: unknown
  try {
    query = (JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '')) as { query?: unknown })?.query
  } catch {
    return 0
  }
  if (typeof query !== 'string') return 0
  let count = 0
  try {
    visit(parse(query, { maxTokens: 20_000 }), {
      [Kind.FIELD]: (node) => {
        if (AUTH_MUTATION.test(node.name.value)) count++
      },
    })
  } catch {
    return 0
  }
  return count
}

/**
 * In front of POST /api/graphql: reads the (small) body, and a request carrying a sign-in, password-reset
 * or unlock mutation goes through the same per-IP limiter as the REST routes. One such mutation per request:
 * aliases would otherwise make a hundred guesses count as one request.
 */
export const graphqlAuthLimit = (limiter: RequestHandler): RequestHandler[] => [
  express.raw({ type: () => true, limit: config().KORRIGO_GRAPHQL_MAX_BODY }),
  (req: Request, res: Response, next: NextFunction) => {
    const count = authMutationCount(req.body)
    if (count === 0) return next()
    if (count > 1) {
      res.status(400).json({ errors: [{ message: 'One sign-in, password or unlock mutation per GraphQL request.' }] })
      return
    }
    limiter(req, res, next)
  },
]
