import type { Field } from 'payload'

import { adminsOnlyField } from '../../collections/access/roles'
import { settingsProblem } from './lib/settings'

const adminsOnly = { read: adminsOnlyField, create: adminsOnlyField, update: adminsOnlyField }

/** Added to exams: how the copies are shared out (edited in the exam's Distribution tab). */
export const examDistributionFields: Field[] = [
  {
    name: 'distribution',
    type: 'json',
    label: { fr: 'Répartition des copies', en: 'Distribution of the copies' },
    admin: { readOnly: true, description: { fr: "Se règle dans l'onglet Répartition.", en: 'Set in the Distribution tab.' } },
    validate: (value: unknown) => settingsProblem(value) ?? true,
    access: adminsOnly,
  },
]

export const REVIEW_STATES = ['none', 'pending', 'agreed', 'flagged', 'arbitration', 'decided'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** Added to copies: where double-blind marking of the copy stands (the markings' totals, the gaps, the decision). */
export const copyReviewFields: Field[] = [
  {
    name: 'markingReview',
    type: 'group',
    label: { fr: 'Double correction', en: 'Double marking' },
    access: adminsOnly,
    admin: { readOnly: true },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'state', type: 'select', defaultValue: 'none', options: REVIEW_STATES.map((s) => s), label: { fr: 'État', en: 'State' } },
          { name: 'decidedBy', type: 'relationship', relationTo: 'users', label: { fr: 'Décidée par', en: 'Decided by' } },
          { name: 'decidedAt', type: 'date', label: { fr: 'Décidée le', en: 'Decided at' } },
        ],
      },
      // Totals per marking and the questions beyond the threshold, for the admin's decision.
      { name: 'detail', type: 'json', label: { fr: 'Détail', en: 'Detail' } },
    ],
  },
]

/** Added to annotations: which marking of the copy they belong to (double-blind markers never see each other's). */
export const annotationMarkingFields: Field[] = [
  { name: 'marking', type: 'number', defaultValue: 1, min: 1, max: 3, index: true, admin: { readOnly: true }, label: { fr: 'Correction n°', en: 'Marking no.' } },
]
