import type { CollectionConfig } from 'payload'

import { nobody } from '../../collections/access/roles'

/**
 * Counters every app node shares through the database (requests per address and minute, failed sign-ins of
 * addresses that match no student), so adding a node neither multiplies a limit nor resets it. A row per
 * key; `resetAt` is when it stops counting (expired rows are swept by the daily cleanup).
 */
export const RateCounters: CollectionConfig = {
  slug: 'rate-counters',
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'hits', type: 'number', required: true, defaultValue: 0 },
    { name: 'resetAt', type: 'date', required: true, index: true },
    // What a counter needs beyond a count (a lockout's end), as its owner writes it.
    { name: 'state', type: 'json' },
  ],
}
