import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { config } from '../runtime/config'
import { KorrigoError } from '../runtime/errors'
import { mediaDir } from '../runtime/paths'
import { missingFileAnswers404 } from '../storage/missing-file'
import { type UploadedFile, uploadedHead, uploadedSize } from '../storage/uploaded-file'
import { maxUploadBytes } from '../storage/upload-limits'
import { deleteBatchCascade } from './hooks/batch-deletion'
import { serializeWrites } from './hooks/write-order'
import { LAYOUT_OPTIONS } from './layout-options'
import { adminsOnlyField, assignedExamIds, byAssignedExam, isAdmin, isTeacher } from './access/roles'


export class UploadRejectedError extends KorrigoError {
  constructor(message: string, status = 415) {
    super({ code: 'upload_rejected', message, status })
  }
}

/** One message for every path a batch comes in by (a form, a resumable upload): the file and the limit. */
export class UploadTooLargeError extends UploadRejectedError {
  constructor({ file }: { file: string }) {
    super(`${file}: the file is above the ${config().KORRIGO_MAX_UPLOAD_MB} MB limit (KORRIGO_MAX_UPLOAD_MB)`, 413)
  }
}

/** A PDF may carry a little junk before its header; readers accept it within the first kilobyte. */
const looksLikePdf = (head: Buffer): boolean => head.includes(Buffer.from('%PDF-'))

/**
 * What the pipeline writes about a batch, through its own writes only (they override access): a teacher's
 * upload cannot say it is already done, and the admin's edit form, which sends every field back as it
 * loaded them, cannot put a batch that finished meanwhile back to "queued" with no progress.
 */
const pipelineOwned = { create: adminsOnlyField, update: () => false }

export const SCAN_BATCH_STATUSES = ['queued', 'processing', 'done', 'partial', 'failed'] as const

export const ScanBatches: CollectionConfig = {
  slug: 'scan-batches',
  labels: { singular: { fr: 'Lot de numérisation', en: 'Scan batch' }, plural: { fr: 'Lots de numérisation', en: 'Scan batches' } },
  admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'exam', 'status', 'createdAt'], group: { fr: 'Examens', en: 'Exams' } },
  // No `mimeTypes` here on purpose: Payload would then refuse any PDF without a clean trailer, and a
  // truncated scan is still worth keeping (the pipeline repairs what it can and names what it cannot).
  // The beforeOperation hook below checks type and size with messages that name the file.
  upload: { staticDir: path.join(mediaDir(), 'scans'), handlers: [missingFileAnswers404] },
  access: {
    read: byAssignedExam('exam'),
    // Teachers may upload the scans of the exams they mark; everything else about batches is the admin's.
    create: async ({ req, data }) => {
      if (isAdmin(req.user)) return true
      if (!isTeacher(req.user)) return false
      if (!data?.exam) return true
      return (await assignedExamIds(req)).map(String).includes(String(data.exam))
    },
    update: ({ req }) => isAdmin(req.user),
    delete: ({ req }) => isAdmin(req.user),
  },
  hooks: {
    beforeDelete: [deleteBatchCascade],
    beforeOperation: [
      serializeWrites,
      async ({ args, operation }) => {
        if (operation !== 'create' && operation !== 'update') return args
        const file = args.req?.file as UploadedFile | undefined
        if (!file) return args
        const limit = maxUploadBytes()
        // Payload stops reading one byte past the limit and marks the file truncated.
        if (file.truncated || uploadedSize(file) > limit) throw new UploadTooLargeError({ file: file.name ?? 'the file' })
        const head = await uploadedHead(file)
        if (file.mimetype !== 'application/pdf' || !looksLikePdf(head))
          throw new UploadRejectedError(
            `${file.name}: a scan batch must be a PDF file (got ${file.mimetype ?? 'an unknown type'}${looksLikePdf(head) ? '' : ', and the content has no PDF header'})`,
          )
        return args
      },
    ],
  },
  fields: [
    { name: 'exam', type: 'relationship', relationTo: 'exams', required: true, index: true, label: { fr: 'Examen', en: 'Exam' } },
    {
      name: 'layout',
      type: 'select',
      label: { fr: 'Format (sinon celui de l’examen)', en: 'Layout (else the exam’s)' },
      options: LAYOUT_OPTIONS,
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      index: true,
      label: { fr: 'Statut', en: 'Status' },
      admin: { readOnly: true },
      options: [
        { value: 'queued', label: { fr: 'En attente', en: 'Queued' } },
        { value: 'processing', label: { fr: 'En cours', en: 'Processing' } },
        { value: 'done', label: { fr: 'Terminé', en: 'Done' } },
        { value: 'partial', label: { fr: 'Terminé avec erreurs', en: 'Done with errors' } },
        { value: 'failed', label: { fr: 'Échec', en: 'Failed' } },
      ],
      access: pipelineOwned,
    },
    {
      name: 'progress',
      type: 'group',
      label: { fr: 'Progression', en: 'Progress' },
      admin: { readOnly: true },
      access: pipelineOwned,
      fields: [
        { type: 'row', fields: [
          { name: 'pagesDone', type: 'number', defaultValue: 0, label: { fr: 'Pages traitées', en: 'Pages done' } },
          { name: 'pagesTotal', type: 'number', defaultValue: 0, label: { fr: 'Pages au total', en: 'Pages in all' } },
          { name: 'copiesFound', type: 'number', defaultValue: 0, label: { fr: 'Copies trouvées', en: 'Copies found' } },
        ] },
      ],
    },
    {
      // What the batch's copies were cut on: { boundary, firstPage (packed print of a first page), subject, pagesPerCopy }.
      name: 'cutOn',
      type: 'json',
      label: { fr: 'Découpé sur', en: 'Cut on' },
      admin: { hidden: true },
      access: { ...pipelineOwned, read: adminsOnlyField },
    },
    {
      name: 'problems',
      type: 'array',
      label: { fr: 'Problèmes', en: 'Problems' },
      admin: { readOnly: true },
      access: pipelineOwned,
      fields: [
        { type: 'row', fields: [
          { name: 'page', type: 'number', label: { fr: 'Page', en: 'Page' } },
          { name: 'code', type: 'text', label: { fr: 'Code', en: 'Code' } },
          { name: 'message', type: 'text', label: { fr: 'Message', en: 'Message' } },
        ] },
      ],
    },
  ],
}
