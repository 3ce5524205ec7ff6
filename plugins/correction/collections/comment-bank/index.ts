import type { CollectionConfig } from 'payload'

import { isAdmin, isTeacher } from '../../../../collections/access/roles'
import { label } from '../../translations'
import { ownComments, readComments } from './access'
import { checkExam } from './hooks/checkExam'

export const COMMENT_BANK_SLUG = 'comment-bank'

/** Reusable comments a teacher inserts with one click, optionally carrying points for a question. */
export const CommentBank: CollectionConfig = {
  slug: COMMENT_BANK_SLUG,
  labels: { singular: label('commentBankSingular'), plural: label('commentBankPlural') },
  admin: { useAsTitle: 'text', defaultColumns: ['text', 'points', 'questionKey', 'exam', 'owner'], group: label('group') },
  access: {
    read: readComments,
    create: ({ req }) => isAdmin(req.user) || isTeacher(req.user),
    update: ownComments,
    delete: ownComments,
  },
  hooks: { beforeChange: [checkExam] },
  fields: [
    { name: 'text', type: 'textarea', required: true, label: label('text') },
    { name: 'points', type: 'number', label: label('points') },
    { name: 'questionKey', type: 'text', label: label('questionKey') },
    { name: 'exam', type: 'relationship', relationTo: 'exams', index: true, label: label('exam') },
    { name: 'owner', type: 'relationship', relationTo: 'users', index: true, label: label('owner'), admin: { readOnly: true } },
  ],
}
