import type { CollectionConfig } from 'payload'

import { adminsOnly } from './access/roles'

const isoDate = (value: unknown): true | string =>
  value == null || value === '' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
    ? true
    : 'Date de naissance attendue au format AAAA-MM-JJ / birth date expected as YYYY-MM-DD'

/** Identities never leave the admin: teachers mark anonymous copies and have no access here. */
export const Students: CollectionConfig = {
  slug: 'students',
  labels: { singular: { fr: 'Élève', en: 'Student' }, plural: { fr: 'Élèves', en: 'Students' } },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['lastName', 'firstName', 'className', 'birthDate', 'email'],
    group: { fr: 'Scolarité', en: 'School' },
  },
  access: { create: adminsOnly, delete: adminsOnly, read: adminsOnly, update: adminsOnly },
  hooks: {
    beforeChange: [
      ({ data }) => ({ ...data, fullName: [data.lastName?.toUpperCase(), data.firstName].filter(Boolean).join(' ') }),
    ],
  },
  fields: [
    { name: 'lastName', type: 'text', required: true, index: true, label: { fr: 'Nom', en: 'Last name' } },
    { name: 'firstName', type: 'text', required: true, label: { fr: 'Prénom', en: 'First name' } },
    { name: 'fullName', type: 'text', admin: { hidden: true } },
    // Stored as text: a birth date is a calendar day, not an instant that time zones can shift.
    { name: 'birthDate', type: 'text', validate: isoDate, label: { fr: 'Date de naissance', en: 'Birth date' } },
    { name: 'email', type: 'email', index: true, label: { fr: 'E-mail', en: 'Email' } },
    { name: 'className', type: 'text', index: true, label: { fr: 'Classe', en: 'Class' } },
    { name: 'nationalId', type: 'text', unique: true, label: { fr: 'INE', en: 'National id (INE)' } },
    {
      name: 'rosterName',
      type: 'text',
      label: { fr: 'Nom complet (liste de classe)', en: 'Full name (class list)' },
      admin: {
        description: {
          fr: 'Tel qu’écrit dans la liste de classe, quand rien n’y distinguait le nom du prénom : la reconnaissance essaie chaque découpage.',
          en: 'As the class list wrote it, when nothing there told the last name from the first name: identification tries every split.',
        },
      },
    },
  ],
}
