import type { Config, Plugin } from 'payload'

import { AuditEvents, AuditHead } from './collections/AuditEvents'
import { withAuditedEndpoints } from './endpoints/wrap'
import { auditCollection } from './hooks/collectionHooks'
import { recordFailedStaffSignIn } from './hooks/signInFailure'

export { recordAuditEvent, recordAuditEventSoon, type AuditInput } from './services/record'
export { AUDIT_SKIP } from './hooks/collectionHooks'

/**
 * The audit trail (`audit-events`, hash-chained, read-only in the admin): sign-ins, identification
 * decisions, grades and annotations changed on closed copies, unlocks, publications, exports, role
 * changes and every deletion. Put it last in the plugin list: it hooks into the collections and wraps
 * the endpoints the other plugins declared.
 */
export const auditPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []).map(auditCollection), AuditEvents],
    globals: [...(config.globals ?? []), AuditHead],
    endpoints: withAuditedEndpoints(config.endpoints ?? []),
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), recordFailedStaffSignIn] },
  })
