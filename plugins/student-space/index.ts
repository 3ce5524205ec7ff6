import type { CollectionConfig, Config, Plugin } from 'payload'

import { studentSignInFields } from './fields'

export type StudentSpaceOptions = { enabled?: boolean }

const extend = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'students' ? { ...collection, fields: [...collection.fields, ...studentSignInFields] } : collection

/** The student space: sign-in with email + birth date, and a student's own published copies. */
export const studentSpacePlugin =
  ({ enabled = true }: StudentSpaceOptions = {}): Plugin =>
  (config: Config): Config => {
    if (!enabled) return config
    return { ...config, collections: (config.collections ?? []).map(extend) }
  }
