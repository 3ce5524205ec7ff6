import type { Config } from 'payload'

/** Forms two admins may have open on the same document at once: the admin shows who is editing them. */
const EDITED_IN_FORMS = new Set(['users', 'students', 'exams', 'scan-batches'])

/**
 * Payload's document locks ("X is editing this") are an admin-form feature, checked on every REST update
 * with a query made outside the request's transaction: each save held one pool connection and waited for a
 * second, so ten saves at once (a class being marked) held the whole pool and waited for ever. Collections
 * written by the portal, the jobs and the API (copies, grades, annotations, rubrics…) do without them; their
 * concurrent writes are ordered by the row (hooks/write-order.ts) and versioned (409) instead. Last in the
 * plugin list, so it sees the collections every plugin added.
 */
export const documentLocksForFormsOnly =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => (EDITED_IN_FORMS.has(collection.slug) ? collection : { ...collection, lockDocuments: false })),
  })
