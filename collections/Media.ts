import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { mediaDir } from '../runtime/paths'
import { missingFileAnswers404 } from '../storage/missing-file'
import { byAssignedExam, isAdmin } from './access/roles'

/** Files the app produces (copy PDFs, thumbnails, header crops (names: admins only), annotated PDFs), and an exam's blank subject. */
export const MEDIA_KINDS = ['copy-pdf', 'thumbnail', 'header-crop', 'annotated-pdf', 'export', 'subject'] as const
const TEACHER_VISIBLE = ['copy-pdf', 'thumbnail']

const kindLabels: Record<string, { fr: string; en: string }> = {
  'copy-pdf': { fr: 'PDF de copie', en: 'Copy PDF' },
  thumbnail: { fr: 'Vignette', en: 'Thumbnail' },
  'header-crop': { fr: 'En-tête découpé', en: 'Header crop' },
  'annotated-pdf': { fr: 'PDF annoté', en: 'Annotated PDF' },
  export: { fr: 'Export des résultats', en: 'Results export' },
  subject: { fr: 'Sujet vierge', en: 'Blank subject' },
}

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { fr: 'Fichier', en: 'File' }, plural: { fr: 'Fichiers', en: 'Files' } },
  admin: { group: { fr: 'Administration', en: 'Administration' }, defaultColumns: ['filename', 'kind', 'exam'] },
  upload: { staticDir: path.join(mediaDir(), 'files'), handlers: [missingFileAnswers404] },
  access: {
    create: ({ req }) => isAdmin(req.user),
    update: ({ req }) => isAdmin(req.user),
    delete: ({ req }) => isAdmin(req.user),
    read: byAssignedExam('exam', { kind: { in: TEACHER_VISIBLE } }),
  },
  fields: [
    // The app names the kind of every file it stores; a file a person uploads here is an exam's blank subject.
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: () => 'subject',
      options: MEDIA_KINDS.map((value) => ({ value, label: kindLabels[value] })),
      index: true,
      label: { fr: 'Type de fichier', en: 'Kind' },
    },
    { name: 'exam', type: 'relationship', relationTo: 'exams', index: true, label: { fr: 'Examen', en: 'Exam' } },
    // A blank subject is an exam's, never a copy's.
    { name: 'copy', type: 'relationship', relationTo: 'copies', index: true, label: { fr: 'Copie', en: 'Copy' }, admin: { condition: (data) => data?.kind !== 'subject' } },
  ],
}
