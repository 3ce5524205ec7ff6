import type { CollectionConfig } from 'payload'

import { BadRequestError } from '../runtime/errors'
import { LAYOUT_OPTIONS } from './layout-options'
import { adminsOnly, adminsOnlyField, isAdmin, isTeacher } from './access/roles'
import { scaleProblems, type ScaleQuestion } from './grading-scale'
import { examPublishedHook } from '../plugins/kit/hooks/examPublished'
import { serializeWrites } from './hooks/write-order'

export const EXAM_STATUSES = ['draft', 'processing', 'identifying', 'marking', 'finalized', 'published'] as const

const statusLabels: Record<(typeof EXAM_STATUSES)[number], { fr: string; en: string }> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  processing: { fr: 'Numérisation', en: 'Processing scans' },
  identifying: { fr: 'Identification', en: 'Identifying' },
  marking: { fr: 'Correction', en: 'Marking' },
  finalized: { fr: 'Corrigé', en: 'Finalized' },
  published: { fr: 'Publié', en: 'Published' },
}

export const Exams: CollectionConfig = {
  slug: 'exams',
  labels: { singular: { fr: 'Examen', en: 'Exam' }, plural: { fr: 'Examens', en: 'Exams' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'subject', 'className', 'date', 'status'], group: { fr: 'Examens', en: 'Exams' } },
  access: {
    create: adminsOnly,
    delete: adminsOnly,
    update: adminsOnly,
    read: ({ req }) => {
      if (isAdmin(req.user)) return true
      if (isTeacher(req.user)) return { correctors: { in: [req.user!.id] } }
      return false
    },
  },
  hooks: {
    beforeOperation: [serializeWrites],
    // School plugins' onExamPublished (plugins/kit): part of the core, whatever plugins are enabled.
    afterChange: [examPublishedHook],
    beforeValidate: [
      ({ data }) => {
        const scale = (data?.gradingScale ?? []) as ScaleQuestion[]
        const problems = scaleProblems(scale)
        if (problems.length) throw new BadRequestError(`Grading scale: ${problems.join('; ')}`, { problems })
        return data
      },
    ],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: { fr: 'Titre', en: 'Title' } },
    {
      type: 'row',
      fields: [
        { name: 'subject', type: 'text', label: { fr: 'Matière', en: 'Subject' } },
        { name: 'className', type: 'text', label: { fr: 'Classe', en: 'Class' } },
        { name: 'date', type: 'date', label: { fr: 'Date', en: 'Date' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'layout',
          type: 'select',
          defaultValue: 'auto',
          label: { fr: 'Format des copies', en: 'Paper layout' },
          options: LAYOUT_OPTIONS,
        },
        {
          name: 'pagesPerCopy',
          type: 'number',
          min: 1,
          max: 200,
          label: { fr: 'Pages par copie (indicatif)', en: 'Pages per copy (a hint)' },
          admin: {
            description: {
              fr: 'Facultatif. Le nombre habituel de pages d’une copie : une aide pour découper les lots, jamais une règle (une copie peut avoir une feuille de plus).',
              en: 'Optional. The usual number of pages of a copy: a help to cut batches, never a rule (a copy may have an extra sheet).',
            },
          },
        },
        {
          name: 'status',
          type: 'select',
          defaultValue: 'draft',
          index: true,
          label: { fr: 'Statut', en: 'Status' },
          options: EXAM_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
        },
      ],
    },
    {
      // The teacher's original, unwritten: each scanned page is matched to one of its pages (issue 11).
      name: 'blankSubject',
      type: 'upload',
      relationTo: 'media',
      filterOptions: { kind: { equals: 'subject' } },
      label: { fr: 'Sujet vierge (PDF)', en: 'Blank subject (PDF)' },
      access: { create: adminsOnlyField, update: adminsOnlyField },
      admin: {
        description: {
          fr: 'Facultatif. Le sujet tel que distribué aux élèves, sans réponse (le PDF d’origine, pas un scan). Chaque page numérisée est reconnue comme une page du sujet : c’est ce qui décide le mieux où commence chaque copie, et dans quel ordre vont ses pages. Joint après la numérisation, utilisez « Redécouper avec le sujet » sur chaque lot.',
          en: 'Optional. The paper as handed to the students, unwritten (the original PDF, not a scan). Each scanned page is recognised as a page of the subject: that decides best where each copy starts and in which order its pages go. Attached after the scans were processed, use “Re-cut with the subject” on each batch.',
        },
      },
    },
    {
      name: 'gradingScale',
      type: 'array',
      label: { fr: 'Barème', en: 'Grading scale' },
      labels: { singular: { fr: 'Question', en: 'Question' }, plural: { fr: 'Questions', en: 'Questions' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', type: 'text', required: true, label: { fr: 'Repère', en: 'Key' }, admin: { width: '15%' } },
            { name: 'label', type: 'text', label: { fr: 'Intitulé', en: 'Label' } },
            { name: 'maxPoints', type: 'number', required: true, min: 0, label: { fr: 'Points max', en: 'Max points' } },
            { name: 'step', type: 'number', required: true, defaultValue: 0.25, min: 0, label: { fr: 'Pas', en: 'Step' } },
          ],
        },
      ],
    },
    {
      name: 'correctors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      index: true,
      label: { fr: 'Correcteurs', en: 'Correctors' },
    },
    { name: 'doubleMarking', type: 'checkbox', defaultValue: false, label: { fr: 'Double correction', en: 'Double marking' } },
  ],
}
