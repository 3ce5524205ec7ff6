import type { CollectionConfig, Config, Plugin } from 'payload'

import { copiesEndpoint } from './endpoints/copies'
import { copyPdfEndpoint } from './endpoints/copy-pdf'
import { meEndpoint } from './endpoints/me'
import { signInEndpoint } from './endpoints/sign-in'
import { signOutEndpoint } from './endpoints/sign-out'
import { studentSignInFields } from './fields'
import { config as korrigoConfig } from '../../runtime/config'
import { resolveSettings } from './lib/settings'
import type { StudentSpaceOptions } from './types'

export type { StudentSpaceOptions } from './types'

const extend = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'students' ? { ...collection, fields: [...collection.fields, ...studentSignInFields] } : collection

/**
 * The student space: sign-in with email + birth date (lockout per address; the per-IP limit is in the
 * Express app), and a student's own published copies with their annotated PDFs. Students never go
 * through Payload's REST access: these endpoints check the student cookie, then read with overrideAccess.
 */
export const studentSpacePlugin =
  ({ enabled = true, ...input }: StudentSpaceOptions = {}): Plugin =>
  (config: Config): Config => {
    // The fields stay when disabled: the database schema (and its migration) does not depend on an option.
    const collections = (config.collections ?? []).map(extend)
    if (!enabled) return { ...config, collections }
    const settings = resolveSettings({ input, env: korrigoConfig() })
    return {
      ...config,
      collections,
      endpoints: [...(config.endpoints ?? []), signInEndpoint(settings), signOutEndpoint, meEndpoint, copiesEndpoint, copyPdfEndpoint],
    }
  }
