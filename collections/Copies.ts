import { randomBytes } from 'node:crypto'

import type { CollectionConfig } from 'payload'

import { ForbiddenError } from '../runtime/errors'
import { deleteCopyCascade } from './hooks/copy-deletion'
import { serializeWrites } from './hooks/write-order'
import { adminsOnlyField, byAssignedExam, isAdmin } from './access/roles'
import { identityZonesField } from './identity-zones'
import { copyFinalizedHook } from '../plugins/kit/hooks/copyFinalized'

export const COPY_STATUSES = ['staging', 'ready', 'marking', 'locked', 'finalized'] as const
export type CopyStatus = (typeof COPY_STATUSES)[number]

/** Copies a teacher may open: those out of staging, of the exams they mark. */
const MARKABLE: CopyStatus[] = ['ready', 'marking', 'locked', 'finalized']
/** What a teacher may do to a copy's status; everything else is an admin's decision (unlock included). */
const TEACHER_TRANSITIONS: Record<string, CopyStatus[]> = {
  ready: ['marking', 'finalized'],
  marking: ['finalized'],
}

/** What can decide where a copy starts (the pipeline's BoundaryEvidence), in words. */
export const SEGMENTATION_BOUNDARIES = ['subject', 'learned-template', 'handwriting-layout', 'qr-code', 'header-box', 'sheet-structure', 'none'] as const
export const boundaryLabels: Record<(typeof SEGMENTATION_BOUNDARIES)[number], { fr: string; en: string }> = {
  subject: { fr: 'page 1 du sujet reconnue', en: 'page 1 of the subject recognised' },
  'learned-template': { fr: 'première page apprise sur le lot', en: 'first page learned from the batch' },
  'handwriting-layout': { fr: 'mise en page de l’écriture', en: 'layout of the handwriting' },
  'qr-code': { fr: 'QR code du livret imprimé', en: 'printed booklet’s QR code' },
  'header-box': { fr: 'cadre d’en-tête', en: 'header box' },
  'sheet-structure': { fr: 'structure des feuilles', en: 'sheet structure' },
  none: { fr: 'aucune', en: 'none' },
}

const anonymousId = (): string => `K-${randomBytes(4).toString('hex').toUpperCase()}`

/**
 * finalizedAt is the server's record of when the copy became finalized; reopening the copy clears it. Field
 * access has already dropped any value a request sent, so a value here comes from server code (a restore).
 */
const stampFinalizedAt = ({ data, operation, originalDoc }: { data: Record<string, unknown>; operation: string; originalDoc?: Record<string, unknown> }): void => {
  const before = operation === 'update' ? originalDoc?.status : undefined
  const after = data.status ?? before
  if (after !== 'finalized') data.finalizedAt = null
  else if (before !== 'finalized') data.finalizedAt = (operation === 'create' && data.finalizedAt) || new Date().toISOString()
  else data.finalizedAt = data.finalizedAt ?? originalDoc?.finalizedAt ?? null
}

export const Copies: CollectionConfig = {
  slug: 'copies',
  labels: { singular: { fr: 'Copie', en: 'Copy' }, plural: { fr: 'Copies', en: 'Copies' } },
  admin: { useAsTitle: 'anonymousId', defaultColumns: ['anonymousId', 'exam', 'status', 'total'], group: { fr: 'Examens', en: 'Exams' } },
  access: {
    create: ({ req }) => isAdmin(req.user),
    delete: ({ req }) => isAdmin(req.user),
    read: byAssignedExam('exam', { status: { in: MARKABLE } }),
    update: byAssignedExam('exam', { status: { in: MARKABLE } }),
  },
  hooks: {
    beforeOperation: [serializeWrites],
    // School plugins' onCopyFinalized (plugins/kit): part of the core, whatever plugins are enabled.
    afterChange: [copyFinalizedHook],
    beforeDelete: [deleteCopyCascade],
    beforeChange: [
      ({ data, operation, originalDoc, req }) => {
        if (operation === 'create' && !data.anonymousId) data.anonymousId = anonymousId()
        if (operation === 'update' && req.user && !isAdmin(req.user)) {
          const from = originalDoc?.status as CopyStatus
          if (data.status !== undefined && data.status !== from && !TEACHER_TRANSITIONS[from]?.includes(data.status))
            throw new ForbiddenError(`A copy that is "${from}" cannot be set to "${data.status}" by a teacher`)
        }
        stampFinalizedAt({ data, operation, originalDoc })
        return data
      },
    ],
  },
  fields: [
    {
      name: 'exam',
      type: 'relationship',
      relationTo: 'exams',
      required: true,
      index: true,
      label: { fr: 'Examen', en: 'Exam' },
      access: { update: adminsOnlyField },
    },
    {
      name: 'anonymousId',
      type: 'text',
      unique: true,
      index: true,
      label: { fr: 'Numéro anonyme', en: 'Anonymous id' },
      admin: { readOnly: true },
      access: { update: adminsOnlyField },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'staging',
      index: true,
      label: { fr: 'Statut', en: 'Status' },
      options: [
        { value: 'staging', label: { fr: 'En préparation', en: 'Staging' } },
        { value: 'ready', label: { fr: 'Prête', en: 'Ready' } },
        { value: 'marking', label: { fr: 'En correction', en: 'Marking' } },
        { value: 'locked', label: { fr: 'Verrouillée', en: 'Locked' } },
        { value: 'finalized', label: { fr: 'Corrigée', en: 'Finalized' } },
      ],
    },
    {
      name: 'total',
      type: 'number',
      label: { fr: 'Total', en: 'Total' },
      admin: { readOnly: true, description: { fr: 'Calculé à partir des notes', en: 'Computed from the grades' } },
      // Never trusted from a client: only the grade hooks write it, with overrideAccess.
      access: { create: () => false, update: () => false },
    },
    {
      name: 'pages',
      type: 'array',
      label: { fr: 'Pages', en: 'Pages' },
      access: { update: adminsOnlyField, create: adminsOnlyField },
      fields: [
        { type: 'row', fields: [
          { name: 'batch', type: 'relationship', relationTo: 'scan-batches', label: { fr: 'Lot', en: 'Batch' } },
          { name: 'sourcePage', type: 'number', required: true, label: { fr: 'Page source', en: 'Source page' } },
          {
            name: 'region',
            type: 'select',
            defaultValue: 'full',
            // top/bottom: halves of an A3 sheet stored portrait (a copier's sideways A3)
            options: ['full', 'left', 'right', 'top', 'bottom'],
            label: { fr: 'Zone', en: 'Region' },
          },
          { name: 'rotation', type: 'number', defaultValue: 0, label: { fr: 'Rotation', en: 'Rotation' } },
          { name: 'blank', type: 'checkbox', defaultValue: false, label: { fr: 'Blanche', en: 'Blank' } },
          { name: 'subjectPage', type: 'number', label: { fr: 'Page du sujet', en: 'Subject page' }, admin: { readOnly: true } },
        ] },
      ],
    },
    {
      // What decided where this copy starts in its batch (ingestion's evidence), and whether a person should check it.
      name: 'segmentation',
      type: 'group',
      label: { fr: 'Découpage', en: 'Cutting' },
      access: { read: adminsOnlyField, update: adminsOnlyField, create: adminsOnlyField },
      admin: { readOnly: true },
      fields: [
        { type: 'row', fields: [
          {
            name: 'boundary',
            type: 'select',
            label: { fr: 'Début décidé par', en: 'Start decided by' },
            options: SEGMENTATION_BOUNDARIES.map((value) => ({ value, label: boundaryLabels[value] })),
          },
          { name: 'margin', type: 'number', label: { fr: 'Marge', en: 'Margin' } },
          { name: 'unsure', type: 'checkbox', defaultValue: false, label: { fr: 'Début à vérifier', en: 'Start to check' } },
          // A prepared booklet's number, read from its QR codes: what names the copy when the booklet was printed for a student.
          { name: 'booklet', type: 'number', label: { fr: 'Livret n°', en: 'Booklet no.' } },
        ] },
      ],
    },
    { name: 'pdf', type: 'upload', relationTo: 'media', label: { fr: 'PDF de la copie', en: 'Copy PDF' }, access: { update: adminsOnlyField, create: adminsOnlyField } },
    { name: 'thumbnail', type: 'upload', relationTo: 'media', label: { fr: 'Vignette', en: 'Thumbnail' }, access: { update: adminsOnlyField, create: adminsOnlyField } },
    {
      // Where the copy starts in its batch ("batch:page:region"): lets re-processing find it instead of duplicating it.
      name: 'sourceKey',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { read: adminsOnlyField, update: adminsOnlyField, create: adminsOnlyField },
    },
    {
      name: 'anomalies',
      type: 'json',
      label: { fr: 'Anomalies', en: 'Anomalies' },
      access: { update: adminsOnlyField, create: adminsOnlyField },
    },
    {
      name: 'student',
      type: 'relationship',
      relationTo: 'students',
      index: true,
      label: { fr: 'Élève', en: 'Student' },
      // The whole point of anonymous marking: only admins can read who wrote a copy.
      access: { read: adminsOnlyField, update: adminsOnlyField, create: adminsOnlyField },
    },
    {
      name: 'identification',
      type: 'group',
      label: { fr: 'Identification', en: 'Identification' },
      access: { read: adminsOnlyField, update: adminsOnlyField, create: adminsOnlyField },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'status',
              type: 'select',
              defaultValue: 'pending',
              options: ['pending', 'identified', 'needs_review', 'manual'],
              label: { fr: 'État', en: 'State' },
            },
            // qr-code: a booklet printed with the student's name, read back from its code (never by OCR)
            { name: 'method', type: 'select', options: ['auto', 'manual', 'qr-code'], label: { fr: 'Méthode', en: 'Method' } },
            { name: 'confidence', type: 'number', label: { fr: 'Confiance', en: 'Confidence' } },
          ],
        },
        { name: 'candidates', type: 'json', label: { fr: 'Candidats', en: 'Candidates' } },
      ],
    },
    {
      name: 'correctors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: { fr: 'Correcteurs', en: 'Correctors' },
      access: { update: adminsOnlyField, create: adminsOnlyField },
    },
    // Set by the hook above when the status becomes finalized, from any route; never taken from a request.
    { name: 'finalizedAt', type: 'date', admin: { readOnly: true }, label: { fr: 'Corrigée le', en: 'Finalized at' }, access: { create: () => false, update: () => false } },
    identityZonesField,
    {
      // Which marking of the copy counts (1 unless double-blind marking decided otherwise); null while undecided.
      name: 'decidedMarking',
      type: 'number',
      defaultValue: 1,
      min: 1,
      max: 3,
      label: { fr: 'Correction retenue', en: 'Decided marking' },
      admin: { readOnly: true },
      access: { read: adminsOnlyField, update: adminsOnlyField, create: adminsOnlyField },
    },
  ],
}
