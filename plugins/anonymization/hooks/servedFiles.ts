import type { FieldHook } from 'payload'

import { isAdmin } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { isCopyWrite } from './writeContext'

type Redaction = { status?: string | null; pdf?: unknown; thumbnail?: unknown } | null | undefined

/**
 * A teacher is never served a copy's original scan: read through the API, the copy's `pdf` and `thumbnail`
 * are its redacted renditions (or nothing while they are being made). Admins and server code (overrideAccess)
 * keep the originals, and so does a write's own answer (see writeContext). Synchronous on purpose: it reads the `redaction` group before field access removes it.
 */
export const servedFile =
  (which: 'pdf' | 'thumbnail'): FieldHook =>
  ({ value, siblingData, req, overrideAccess }) => {
    if (overrideAccess || isAdmin(req.user) || isCopyWrite(req)) return value
    const redaction = (siblingData as { redaction?: Redaction } | undefined)?.redaction
    if (!redaction || redaction.status !== 'done') return null
    return idOf(redaction[which]) ?? null
  }
