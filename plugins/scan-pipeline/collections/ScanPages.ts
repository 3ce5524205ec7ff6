import type { CollectionConfig } from 'payload'

import { adminsOnly } from '../../../collections/access/roles'

/**
 * One row per analysed source page of a batch. Written as each page is done, so a batch interrupted by
 * a crash resumes at the first page it has no row for, and re-running it repeats nothing.
 */
export const ScanPages: CollectionConfig = {
  slug: 'scan-pages',
  labels: { singular: { fr: 'Page numérisée', en: 'Scanned page' }, plural: { fr: 'Pages numérisées', en: 'Scanned pages' } },
  admin: { defaultColumns: ['batch', 'sourcePage', 'error'], group: { fr: 'Examens', en: 'Exams' }, hidden: ({ user }) => (user as { role?: string })?.role !== 'admin' },
  access: { create: adminsOnly, read: adminsOnly, update: adminsOnly, delete: adminsOnly },
  indexes: [{ fields: ['batch', 'sourcePage'], unique: true }],
  fields: [
    { name: 'batch', type: 'relationship', relationTo: 'scan-batches', required: true, index: true },
    { name: 'sourcePage', type: 'number', required: true },
    { name: 'analysis', type: 'json', required: true },
    { name: 'error', type: 'text' },
  ],
}
