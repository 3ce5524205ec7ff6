import type { AfterErrorHook } from 'payload'

import { recordAuditEventSoon } from '../services/record'

const FAILED_SIGN_IN = new Set(['AuthenticationError', 'LockedAuth', 'UnverifiedEmail'])

const errorName = (error: unknown): string | undefined => {
  const e = error as { name?: string; constructor?: { name?: string }; originalError?: unknown }
  // GraphQL wraps the operation's error.
  if (e?.originalError) return errorName(e.originalError)
  return e?.constructor?.name && e.constructor.name !== 'Error' ? e.constructor.name : e?.name
}

/**
 * A refused staff sign-in (REST or GraphQL) only shows as an error: Payload has no hook for it. Recorded
 * with the address that was tried (staff accounts are not personal data the trail must forget).
 */
export const recordFailedStaffSignIn: AfterErrorHook = ({ error, req, collection }) => {
  const name = errorName(error)
  if (!name || !FAILED_SIGN_IN.has(name)) return
  if (collection && collection.slug !== 'users') return
  const email = typeof (req?.data as { email?: unknown } | undefined)?.email === 'string' ? ((req!.data as { email: string }).email.slice(0, 200)) : null
  if (!req?.payload) return
  recordAuditEventSoon({ payload: req.payload, req, actor: { type: 'anonymous', label: email }, action: 'auth.staff.sign-in-failed', target: { collection: 'users' }, details: { reason: name, via: collection ? 'rest' : 'graphql' } })
}
