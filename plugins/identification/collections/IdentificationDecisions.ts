import type { CollectionConfig } from 'payload'

import { adminsOnly, nobody } from '../../../collections/access/roles'
import { label } from '../translations'

export const DECISIONS_SLUG = 'identification-decisions'

// confirm-start: a person confirmed where a copy starts (ingestion had only proposed it); recut: a batch cut again
export const DECISION_ACTIONS = ['assign', 'unassign', 'move-page', 'reorder', 'rotate', 'split', 'merge', 'confirm-start', 'recut'] as const
export type DecisionAction = (typeof DECISION_ACTIONS)[number]

/**
 * Every hand-made change to who wrote a copy, or to which pages make it up. Written by the server
 * only and never edited: it is the answer to "who decided this copy is Léa's, and when".
 */
export const IdentificationDecisions: CollectionConfig = {
  slug: DECISIONS_SLUG,
  labels: { singular: label('decisionsSingular'), plural: label('decisionsPlural') },
  admin: {
    defaultColumns: ['copy', 'action', 'fromStudent', 'toStudent', 'user', 'createdAt'],
    group: label('group'),
    hidden: ({ user }) => (user as { role?: string })?.role !== 'admin',
  },
  access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    { name: 'exam', type: 'relationship', relationTo: 'exams', index: true },
    { name: 'copy', type: 'relationship', relationTo: 'copies', index: true },
    { name: 'action', type: 'select', required: true, options: DECISION_ACTIONS.map((a) => a) },
    // qr-code: a prepared booklet printed with the student's name named its copy at ingestion
    { name: 'method', type: 'select', required: true, defaultValue: 'manual', options: ['manual', 'auto', 'qr-code'] },
    { name: 'fromStudent', type: 'relationship', relationTo: 'students' },
    { name: 'toStudent', type: 'relationship', relationTo: 'students' },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    // Page edits: which pages moved where, the copies involved.
    { name: 'details', type: 'json' },
  ],
}
