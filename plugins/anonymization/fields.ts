import type { Field } from 'payload'

import { adminsOnlyField } from '../../collections/access/roles'
import { examZoneProblem } from './lib/zones'

const adminsOnly = { read: adminsOnlyField, create: adminsOnlyField, update: adminsOnlyField }

export const REDACTION_STATUSES = ['none', 'pending', 'done', 'failed'] as const
export type RedactionStatus = (typeof REDACTION_STATUSES)[number]

/** Added to copies: the renditions teachers are served (identity zones painted out), and their state. */
export const copyRedactionFields: Field[] = [
  {
    name: 'redaction',
    type: 'group',
    label: { fr: 'Anonymisation des scans', en: 'Scan redaction' },
    access: adminsOnly,
    admin: { readOnly: true },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'status', type: 'select', defaultValue: 'none', options: REDACTION_STATUSES.map((s) => s), label: { fr: 'État', en: 'State' } },
          { name: 'zones', type: 'number', label: { fr: 'Zones masquées', en: 'Zones painted' } },
          { name: 'renderedAt', type: 'date', label: { fr: 'Produite le', en: 'Rendered at' } },
        ],
      },
      { name: 'pdf', type: 'upload', relationTo: 'media', label: { fr: 'PDF anonymisé', en: 'Redacted PDF' } },
      { name: 'thumbnail', type: 'upload', relationTo: 'media', label: { fr: 'Vignette anonymisée', en: 'Redacted thumbnail' } },
      // What the renditions were made from (the copy's PDF and zones): a rendition of anything else is stale.
      { name: 'key', type: 'text', admin: { hidden: true } },
      { name: 'error', type: 'text', label: { fr: 'Erreur', en: 'Error' } },
    ],
  },
]

/** Added to exams: the zone the admin draws once on the subject's first page, applied to every copy. */
export const examZoneFields: Field[] = [
  {
    name: 'identityZone',
    type: 'json',
    label: { fr: "Zone d'identité de la 1re page (points PDF)", en: 'Identity zone of page 1 (PDF points)' },
    admin: { readOnly: true, description: { fr: "Se dessine dans l'onglet Anonymat.", en: 'Drawn in the Anonymity tab.' } },
    validate: (value: unknown) => examZoneProblem(value) ?? true,
    access: adminsOnly,
  },
]

/** Media kinds of the renditions: the only copy files a teacher can ever download. */
export const REDACTED_KINDS = ['redacted-pdf', 'redacted-thumbnail'] as const
