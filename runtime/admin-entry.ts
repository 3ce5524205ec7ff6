import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { logger } from './logger'

/**
 * The admin's front door without Payload's client-side detours. Payload answers `/admin` with an empty
 * page whose script sends a signed-out browser to the sign-in page, whose script sends it on to the
 * first-user form on a fresh install: a first visit stared at a white page for seconds. Here the server
 * sends the browser straight where Payload would: the first-user form while no account exists, the
 * sign-in page when no session cookie came (a cookie that is stale is still Payload's to judge).
 */
export const adminEntryRedirects = ({ payload }: { payload: Payload }) => {
  const { admin: adminRoute } = payload.config.routes
  const { createFirstUser, login } = payload.config.admin.routes
  const sessionCookie = new RegExp(`(?:^|;\\s*)${payload.config.cookiePrefix}-token=`)
  // Accounts are not all deleted in practice; once one is seen, Payload's own check is enough.
  let hasUser = false
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      if (!hasUser) hasUser = (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs > 0
    } catch (err) {
      logger.warn({ err }, 'admin entry: could not count accounts')
      return next()
    }
    if (!hasUser) return res.redirect(302, `${adminRoute}${createFirstUser}`)
    const atRoot = req.path.replace(/\/+$/, '') === adminRoute
    if (atRoot && !sessionCookie.test(req.headers.cookie ?? '')) return res.redirect(302, `${adminRoute}${login}`)
    next()
  }
}

/** The paths whose answer adminEntryRedirects may shortcut: the admin's root and its sign-in page. */
export const adminEntryPaths = ({ payload }: { payload: Payload }): string[] => {
  const root = payload.config.routes.admin
  return [root, `${root}${payload.config.admin.routes.login}`]
}
