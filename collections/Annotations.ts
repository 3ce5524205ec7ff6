import { randomUUID } from 'node:crypto'

import type { CollectionConfig } from 'payload'

import { BadRequestError, ConflictError } from '../runtime/errors'
import { copyChildAccess } from './access/roles'
import { loadCopyForWrite, refuseDeleteOnClosedCopy } from './hooks/copy-context'
import { startMarkingOnFirstWrite } from './hooks/start-marking'
import { lockParentCopy, serializeWrites } from './hooks/write-order'
import { ANNOTATION_KINDS, annotationProblems } from '../shared/annotations/validate'

export { ANNOTATION_KINDS } from '../shared/annotations/validate'

/** Bumped when the shape of `geometry`/`style` changes; readers migrate older records forward. */
export const ANNOTATION_SCHEMA_VERSION = 2

export const Annotations: CollectionConfig = {
  slug: 'annotations',
  labels: { singular: { fr: 'Annotation', en: 'Annotation' }, plural: { fr: 'Annotations', en: 'Annotations' } },
  admin: { defaultColumns: ['copy', 'page', 'kind', 'author', 'version'], group: { fr: 'Correction', en: 'Marking' } },
  access: copyChildAccess,
  hooks: {
    beforeOperation: [serializeWrites, lockParentCopy],
    afterChange: [startMarkingOnFirstWrite],
    beforeChange: [
      async ({ data, operation, originalDoc, req }) => {
        const merged = { ...originalDoc, ...data }
        const context = await loadCopyForWrite({ copy: merged.copy, req })
        if (!(Number.isInteger(merged.page) && merged.page >= 1)) throw new BadRequestError('An annotation needs a page number from 1')
        if (context.pageCount && merged.page > context.pageCount)
          throw new BadRequestError(`page ${merged.page} is past the end of the copy (${context.pageCount} page${context.pageCount > 1 ? 's' : ''})`)
        // The shared annotation model (the portal draws with it): what is stored is what the portal and the PDF renderer can read.
        const problems = annotationProblems(merged)
        if (problems.length) throw new BadRequestError(`Annotation: ${problems.join('; ')}`, { problems })
        // The portal's own key for an annotation it created: a create resent after a lost answer finds the first.
        if (operation === 'create') return { ...data, clientKey: data.clientKey || randomUUID(), exam: context.examId, author: req.user?.id, version: 1 }
        if (data.clientKey !== undefined && data.clientKey !== originalDoc?.clientKey) throw new BadRequestError('clientKey cannot change')
        // Optimistic concurrency: the writer must say which version it edited; a stale one loses loudly.
        if (data.version !== originalDoc?.version)
          throw new ConflictError(
            `Annotation ${originalDoc?.id} was changed elsewhere (now version ${originalDoc?.version}, this edit was made on version ${data.version ?? 'unknown'})`,
            { current: originalDoc },
          )
        return { ...data, exam: context.examId, version: (originalDoc?.version ?? 0) + 1 }
      },
    ],
    beforeDelete: [
      refuseDeleteOnClosedCopy('annotations'),
      // Same rule as an update: deleting what someone else changed since you read it must be a choice.
      async ({ id, req }) => {
        const expected = req.query?.version
        if (expected === undefined) return
        const current = await req.payload.findByID({ collection: 'annotations', id, depth: 0, overrideAccess: true, req, disableErrors: true })
        if (current && String(current.version) !== String(expected))
          throw new ConflictError(`Annotation ${id} was changed elsewhere (now version ${current.version}, this deletion was made on version ${String(expected)})`, { current })
      },
    ],
  },
  fields: [
    { name: 'copy', type: 'relationship', relationTo: 'copies', required: true, index: true, label: { fr: 'Copie', en: 'Copy' }, access: { update: () => false } },
    { name: 'page', type: 'number', required: true, min: 1, label: { fr: 'Page', en: 'Page' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: ANNOTATION_KINDS.map((k) => k),
      label: { fr: 'Type', en: 'Kind' },
    },
    {
      name: 'geometry',
      type: 'json',
      required: true,
      label: { fr: 'Géométrie (points PDF, origine en haut à gauche de la page redressée)', en: 'Geometry (PDF points, top-left origin of the upright page)' },
    },
    { name: 'style', type: 'json', label: { fr: 'Style', en: 'Style' } },
    { name: 'text', type: 'textarea', label: { fr: 'Texte', en: 'Text' } },
    { name: 'schemaVersion', type: 'number', required: true, defaultValue: ANNOTATION_SCHEMA_VERSION, admin: { readOnly: true } },
    { name: 'version', type: 'number', defaultValue: 1, admin: { readOnly: true }, label: { fr: 'Version', en: 'Version' } },
    { name: 'clientKey', type: 'text', unique: true, index: true, admin: { hidden: true } },
    // Server-owned: the hook sets author and exam from the signed-in user and the copy; a request's values are dropped.
    { name: 'author', type: 'relationship', relationTo: 'users', admin: { readOnly: true }, label: { fr: 'Auteur', en: 'Author' }, access: { create: () => false, update: () => false } },
    { name: 'exam', type: 'relationship', relationTo: 'exams', index: true, admin: { readOnly: true, hidden: true }, access: { create: () => false, update: () => false } },
  ],
}
