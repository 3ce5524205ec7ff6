import type { CollectionConfig, PayloadRequest } from 'payload'

import { BadRequestError } from '../runtime/errors'
import { copyChildAccess, isAdmin, type Id } from './access/roles'
import { checkPoints, totalOf } from './grading-scale'
import { loadCopyForWrite } from './hooks/copy-context'
import { idOf } from './relations'

/** The total lives on the copy but is derived from its grades, here and nowhere else. */
export const recomputeCopyTotal = async ({ copyId, req }: { copyId: Id; req: PayloadRequest }): Promise<number> => {
  const copy = await req.payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req })
  const exam = await req.payload.findByID({ collection: 'exams', id: idOf(copy.exam)!, depth: 0, overrideAccess: true, req })
  const grades = await req.payload.find({
    collection: 'grades',
    where: { copy: { equals: copyId } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const total = totalOf({
    grades: grades.docs.map((g) => ({ questionKey: g.questionKey, points: g.points })),
    questions: (exam.gradingScale ?? []) as never,
  })
  await req.payload.update({ collection: 'copies', id: copyId, data: { total }, overrideAccess: true, req, depth: 0 })
  return total
}

export const Grades: CollectionConfig = {
  slug: 'grades',
  labels: { singular: { fr: 'Note', en: 'Grade' }, plural: { fr: 'Notes', en: 'Grades' } },
  admin: { defaultColumns: ['copy', 'questionKey', 'points', 'corrector'], group: { fr: 'Correction', en: 'Marking' } },
  indexes: [{ fields: ['copy', 'questionKey'], unique: true }],
  access: copyChildAccess,
  hooks: {
    beforeChange: [
      async ({ data, operation, originalDoc, req }) => {
        const merged = { ...originalDoc, ...data }
        const context = await loadCopyForWrite({ copy: merged.copy, req })
        const question = context.scale.find((q) => q.key === merged.questionKey)
        if (!question)
          throw new BadRequestError(
            `Question "${merged.questionKey}" is not in the grading scale (${context.scale.map((q) => q.key).join(', ') || 'empty'})`,
          )
        const problem = checkPoints({ points: merged.points, question })
        if (problem) throw new BadRequestError(problem, { question: question.key })
        return {
          ...data,
          exam: context.examId,
          corrector: operation === 'create' || !isAdmin(req.user) ? (req.user?.id ?? merged.corrector) : merged.corrector,
        }
      },
    ],
    afterChange: [
      async ({ doc, req }) => {
        await recomputeCopyTotal({ copyId: idOf(doc.copy)!, req })
        return doc
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        await recomputeCopyTotal({ copyId: idOf(doc.copy)!, req })
      },
    ],
  },
  fields: [
    { name: 'copy', type: 'relationship', relationTo: 'copies', required: true, index: true, label: { fr: 'Copie', en: 'Copy' } },
    { name: 'questionKey', type: 'text', required: true, label: { fr: 'Question', en: 'Question' } },
    { name: 'points', type: 'number', required: true, label: { fr: 'Points', en: 'Points' } },
    { name: 'comment', type: 'textarea', label: { fr: 'Commentaire', en: 'Comment' } },
    { name: 'corrector', type: 'relationship', relationTo: 'users', label: { fr: 'Correcteur', en: 'Corrector' }, admin: { readOnly: true } },
    { name: 'exam', type: 'relationship', relationTo: 'exams', index: true, admin: { readOnly: true, hidden: true } },
  ],
}
