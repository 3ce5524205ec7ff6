import type { CollectionConfig } from 'payload'

import { nobody } from '../collections/access/roles'

/**
 * Named locks shared by every process (web and workers) through the database, so the same code works on
 * PostgreSQL and MongoDB: a lock is a row whose key is unique. Server-side only.
 */
export const Locks: CollectionConfig = {
  slug: 'locks',
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'holder', type: 'text' },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
