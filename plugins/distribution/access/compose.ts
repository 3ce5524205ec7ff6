import type { CollectionConfig } from 'payload'

import { andAccess } from '../../anonymization/access/media'

/** The collection's own access for these operations, each ANDed with `extra` (the distribution share). */
export const restrict = (collection: CollectionConfig, ops: Partial<Record<'read' | 'update' | 'delete', Parameters<typeof andAccess>[1]>>): CollectionConfig => ({
  ...collection,
  access: {
    ...collection.access,
    ...Object.fromEntries(Object.entries(ops).map(([op, extra]) => [op, andAccess(collection.access?.[op as 'read'], extra!)])),
  },
})
