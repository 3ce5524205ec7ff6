import crypto from 'node:crypto'

import { AuthenticationError, type AfterErrorHook, type CollectionBeforeOperationHook } from 'payload'

/**
 * A staff sign-in must not tell an existing account from an unknown one, nor a locked one: not by its
 * answer, not by its time. Payload checks the password (PBKDF2, hundreds of milliseconds) only for an
 * account that exists and is not locked; for the others this does the same hashing before Payload answers,
 * and a lock is reported with the words of a wrong password.
 */

// Payload's current password hash (pbkdf2-sha256-v1): the parameters a real check runs with.
const ITERATIONS = 600_000
const KEY_LENGTH = 32
const DUMMY_SALT = crypto.randomBytes(32).toString('hex')

/** The cost of one password check, for a sign-in that cannot succeed. `crypto.pbkdf2` as Payload calls it. */
const hashLikeACheck = (password: string): Promise<void> =>
  new Promise((resolve) => crypto.pbkdf2(password, DUMMY_SALT, ITERATIONS, KEY_LENGTH, 'sha256', () => resolve()))

export const sameWorkForEveryAccount =
  (collection: string): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'login') return args
    const data = (args as { data?: { email?: unknown; password?: unknown } }).data
    const email = typeof data?.email === 'string' ? data.email.toLowerCase().trim() : ''
    const password = data?.password
    // Without both, Payload answers a validation error before any lookup: the same for every address.
    if (!email || typeof password !== 'string' || !password.trim()) return args
    const user = (await req.payload.db.findOne({ collection: collection as never, where: { email: { equals: email } }, req })) as { lockUntil?: string | null } | null
    const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
    if (!user || locked) await hashLikeACheck(password)
    return args
  }

/** Config-level (REST and GraphQL): "this account is locked" becomes the wrong-password answer, 401 both. */
export const lockedAnswersLikeWrongPassword: AfterErrorHook = ({ error, req, graphqlResult }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if ((original as Error | undefined)?.name !== 'LockedAuth') return
  const message = new AuthenticationError(req.t).message
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, name: 'AuthenticationError' } } }
  return { response: { errors: [{ message }] }, status: 401 }
}
