import type { CollectionBeforeChangeHook, CollectionConfig, Config, Field, Plugin } from 'payload'

import { adminsOnlyField } from '../../collections/access/roles'
import { addJobs } from '../../jobs/define-job'
import { purgeExpiredExams } from './jobs/purgeExpiredExams'
import { defaultRetentionFor } from './services/settings'

export { purgeExam, expiredExams } from './services/purgeExam'

const retentionFields: Field[] = [
  {
    name: 'retainUntil',
    type: 'date',
    index: true,
    label: { fr: 'Conserver jusqu’au', en: 'Keep until' },
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayOnly' },
      description: {
        fr: 'Après cette date, les copies, scans, notes, annotations et identités propres à cet examen sont supprimés (fin de l’année scolaire + délai de recours). Modifiable.',
        en: 'After this date, the copies, scans, grades, annotations and identities that belong only to this exam are deleted (end of the school year + appeal period). Editable.',
      },
    },
    access: { update: adminsOnlyField, create: adminsOnlyField },
  },
  { name: 'purgedAt', type: 'date', label: { fr: 'Données supprimées le', en: 'Data purged on' }, admin: { position: 'sidebar', readOnly: true }, access: { create: () => false, update: () => false } },
  {
    name: 'retentionReport',
    type: 'json',
    label: { fr: 'Bilan de la suppression (anonyme)', en: 'Purge report (anonymous)' },
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.purgedAt) },
    access: { create: () => false, update: () => false },
  },
]

/** A new exam (or one whose date changes) gets the default retention date unless one was given. */
const setRetentionDate: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  const explicit = data.retainUntil !== undefined && data.retainUntil !== (originalDoc?.retainUntil ?? undefined)
  const dateChanged = operation === 'update' && data.date !== undefined && data.date !== originalDoc?.date
  if (explicit || (operation === 'update' && !dateChanged && originalDoc?.retainUntil)) return data
  const from = data.date ?? originalDoc?.date ?? originalDoc?.createdAt ?? new Date().toISOString()
  return { ...data, retainUntil: defaultRetentionFor(new Date(from)).toISOString() }
}

const withRetention = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'exams'
    ? collection
    : { ...collection, fields: [...collection.fields, ...retentionFields], hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), setRetentionDate] } }

/**
 * Data retention: each exam carries the date after which what it holds about students is deleted
 * (default: the first 31 October after the end of its school year), and the daily `purge-expired-exams`
 * job deletes it, keeping an anonymous report on the exam and one audit event.
 */
export const retentionPlugin =
  (): Plugin =>
  (config: Config): Config =>
    addJobs({ ...config, collections: (config.collections ?? []).map(withRetention) }, [purgeExpiredExams])
