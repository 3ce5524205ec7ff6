import type { CollectionConfig, GlobalConfig } from 'payload'

import { adminsOnly, nobody } from '../../../collections/access/roles'
import { ACTOR_TYPES } from '../lib/chain'

export const AUDIT_EVENTS = 'audit-events'
export const AUDIT_HEAD = 'audit-head'

const readOnly = { readOnly: true }

/**
 * The audit trail: one row per sensitive action, hash-chained (see lib/chain.ts). Written by the server
 * only, through `recordAuditEvent`; nobody creates, edits or deletes a row through the API or the admin,
 * and a change made behind its back (in the database) is found by `korrigo audit verify`.
 */
export const AuditEvents: CollectionConfig = {
  slug: AUDIT_EVENTS,
  labels: { singular: { fr: "Événement d'audit", en: 'Audit event' }, plural: { fr: "Journal d'audit", en: 'Audit trail' } },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['seq', 'at', 'action', 'actorLabel', 'targetCollection', 'targetId', 'summary'],
    group: { fr: 'Administration', en: 'Administration' },
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
    description: {
      fr: 'Actions sensibles (connexions, identifications, notes modifiées après correction, déverrouillages, publications, exports, rôles, suppressions). Lecture seule ; chaînage vérifiable par « npx korrigo audit verify ».',
      en: 'Sensitive actions (sign-ins, identifications, grades changed after finalization, unlocks, publications, exports, roles, deletions). Read-only; the chain is checked by "npx korrigo audit verify".',
    },
  },
  access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  defaultSort: '-seq',
  fields: [
    { name: 'seq', type: 'number', required: true, unique: true, index: true, label: { fr: 'N°', en: 'No.' }, admin: readOnly },
    { name: 'at', type: 'date', required: true, index: true, label: { fr: 'Quand', en: 'When' }, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'action', type: 'text', required: true, index: true, label: { fr: 'Action', en: 'Action' }, admin: readOnly },
    { name: 'actorType', type: 'select', required: true, options: ACTOR_TYPES.map((a) => a), label: { fr: 'Qui (type)', en: 'Who (kind)' }, admin: readOnly },
    { name: 'actorId', type: 'text', index: true, label: { fr: 'Qui (id)', en: 'Who (id)' }, admin: readOnly },
    { name: 'actorLabel', type: 'text', label: { fr: 'Qui', en: 'Who' }, admin: readOnly },
    { name: 'targetCollection', type: 'text', index: true, label: { fr: 'Quoi (collection)', en: 'What (collection)' }, admin: readOnly },
    { name: 'targetId', type: 'text', index: true, label: { fr: 'Quoi (id)', en: 'What (id)' }, admin: readOnly },
    { name: 'summary', type: 'text', label: { fr: 'Résumé', en: 'Summary' }, admin: readOnly },
    { name: 'before', type: 'json', label: { fr: 'Avant', en: 'Before' }, admin: readOnly },
    { name: 'after', type: 'json', label: { fr: 'Après', en: 'After' }, admin: readOnly },
    { name: 'details', type: 'json', label: { fr: 'Détails', en: 'Details' }, admin: readOnly },
    { name: 'ip', type: 'text', label: { fr: 'Adresse IP', en: 'IP address' }, admin: readOnly },
    { name: 'prevHash', type: 'text', required: true, label: { fr: 'Empreinte précédente', en: 'Previous hash' }, admin: readOnly },
    { name: 'contentHash', type: 'text', required: true, label: { fr: 'Empreinte du contenu', en: 'Content hash' }, admin: readOnly },
    { name: 'hash', type: 'text', required: true, unique: true, label: { fr: 'Empreinte', en: 'Hash' }, admin: readOnly },
  ],
}

/** The newest link, kept apart from the events: deleting the last events is then a visible gap too. */
export const AuditHead: GlobalConfig = {
  slug: AUDIT_HEAD,
  label: { fr: "Tête du journal d'audit", en: 'Audit trail head' },
  admin: { hidden: true },
  access: { read: adminsOnly, update: () => false },
  fields: [
    { name: 'seq', type: 'number', defaultValue: 0 },
    { name: 'hash', type: 'text' },
  ],
}
