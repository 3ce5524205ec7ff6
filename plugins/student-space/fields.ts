import type { Field } from 'payload'

import { adminsOnlyField } from '../../collections/access/roles'

const adminOnly = { create: adminsOnlyField, read: adminsOnlyField, update: adminsOnlyField }

/**
 * Added to students: the sign-in counters of the student space. Failed attempts count per student so a
 * guesser spread over many addresses is still stopped by the per-IP limit, and one address by the lock.
 */
export const studentSignInFields: Field[] = [
  {
    name: 'signIn',
    type: 'group',
    label: { fr: 'Espace élève', en: 'Student space' },
    admin: { readOnly: true, position: 'sidebar' },
    access: adminOnly,
    fields: [
      { name: 'failedAttempts', type: 'number', defaultValue: 0, label: { fr: 'Échecs de connexion', en: 'Failed sign-ins' } },
      { name: 'lockedUntil', type: 'date', label: { fr: 'Bloqué jusqu’au', en: 'Locked until' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'lastSignInAt', type: 'date', label: { fr: 'Dernière connexion', en: 'Last sign-in' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
]
