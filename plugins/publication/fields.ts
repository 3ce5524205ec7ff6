import type { Field } from 'payload'

import { adminsOnlyField } from '../../collections/access/roles'

const readOnly = { create: adminsOnlyField, update: adminsOnlyField }

/** Added to copies: the annotated PDF students receive, and when it was published. */
export const copyFields: Field[] = [
  {
    name: 'annotatedPdf',
    type: 'upload',
    relationTo: 'media',
    label: { fr: 'Copie annotée (PDF)', en: 'Annotated copy (PDF)' },
    admin: { readOnly: true },
    // It carries the student's name on its summary page: admins only until a student space serves it.
    access: { ...readOnly, read: adminsOnlyField },
  },
  { name: 'publishedAt', type: 'date', label: { fr: 'Publiée le', en: 'Published at' }, admin: { readOnly: true }, access: readOnly },
  // Set once the student's e-mail has gone out: a retried publication never mails twice.
  { name: 'notifiedAt', type: 'date', label: { fr: 'Élève prévenu le', en: 'Student notified at' }, admin: { readOnly: true }, access: { ...readOnly, read: adminsOnlyField } },
]

/** Added to exams: a scheduled publication, and when it happened. */
export const examFields: Field[] = [
  { name: 'publishAt', type: 'date', label: { fr: 'Publication prévue le', en: 'Publication scheduled for' }, admin: { readOnly: true }, access: readOnly },
  { name: 'publishedAt', type: 'date', label: { fr: 'Publié le', en: 'Published at' }, admin: { readOnly: true }, access: readOnly },
]
