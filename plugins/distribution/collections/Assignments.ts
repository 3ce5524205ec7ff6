import type { CollectionConfig, Where } from 'payload'

import { adminsOnly, isAdmin, isTeacher } from '../../../collections/access/roles'
import { refuseIdentityQueries } from '../../anonymization/hooks/queryGuard'

const NO_ROWS: Where = { id: { exists: false } }

export const ASSIGNMENTS_SLUG = 'assignments'

/**
 * One row per (copy, corrector): the copy's marking they fill in (1, 2 for the second blind marking, 3 for
 * an arbitration) and the questions they mark (all when empty). Rows of a corrector who dropped out are
 * released, never deleted: what they marked stays in the marking.
 */
export const Assignments: CollectionConfig = {
  slug: ASSIGNMENTS_SLUG,
  labels: { singular: { fr: 'Attribution', en: 'Assignment' }, plural: { fr: 'Répartition', en: 'Assignments' } },
  admin: { defaultColumns: ['copy', 'corrector', 'marking', 'state', 'doneAt'], group: { fr: 'Correction', en: 'Marking' } },
  access: {
    create: adminsOnly,
    update: adminsOnly,
    delete: adminsOnly,
    // A teacher reads their own share only: never who else marks a copy.
    read: ({ req }) => (isAdmin(req.user) ? true : isTeacher(req.user) ? { and: [{ corrector: { equals: req.user!.id } }, { state: { equals: 'active' } }] } : NO_ROWS),
  },
  hooks: { beforeOperation: [refuseIdentityQueries] },
  fields: [
    { name: 'exam', type: 'relationship', relationTo: 'exams', required: true, index: true, label: { fr: 'Examen', en: 'Exam' } },
    { name: 'copy', type: 'relationship', relationTo: 'copies', required: true, index: true, label: { fr: 'Copie', en: 'Copy' } },
    { name: 'corrector', type: 'relationship', relationTo: 'users', required: true, index: true, label: { fr: 'Correcteur', en: 'Corrector' } },
    { name: 'marking', type: 'number', required: true, defaultValue: 1, min: 1, max: 3, label: { fr: 'Correction n°', en: 'Marking no.' } },
    { name: 'questionKeys', type: 'json', label: { fr: 'Questions (toutes si vide)', en: 'Questions (all when empty)' } },
    { name: 'role', type: 'select', defaultValue: 'marker', options: ['marker', 'arbiter'], label: { fr: 'Rôle', en: 'Role' } },
    { name: 'state', type: 'select', defaultValue: 'active', index: true, options: ['active', 'released'], label: { fr: 'État', en: 'State' } },
    { name: 'doneAt', type: 'date', label: { fr: 'Terminée le', en: 'Done at' } },
  ],
}
