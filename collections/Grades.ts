import type { CollectionConfig, PayloadRequest } from 'payload'

import { BadRequestError } from '../runtime/errors'
import { copyChildAccess, isAdmin, type Id } from './access/roles'
import { languageOf, notInScaleMessage, pointsMessage } from './grade-messages'
import { checkPoints, totalOf } from './grading-scale'
import { loadCopyForWrite, refuseDeleteOnClosedCopy } from './hooks/copy-context'
import { examScale } from './hooks/marking-reads'
import { gradeErrors, nextGradeVersion } from './hooks/grade-versions'
import { lockParentCopy, serializeWrites } from './hooks/write-order'
import { idOf } from './relations'
import { startMarkingOnFirstWrite } from './hooks/start-marking'
import { isSystemWrite } from './hooks/system-write'

/** The total lives on the copy but is derived from its grades, here and nowhere else. */
export const recomputeCopyTotal = async ({ copyId, req }: { copyId: Id; req: PayloadRequest }): Promise<number> => {
  // Read fresh (a decision in this request may have just changed the decided marking), and only what counts.
  const copy = await req.payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, select: { exam: true, decidedMarking: true } })
  const decided = copy.decidedMarking
  // Only the decided marking counts; a double-blind copy still undecided has no total yet.
  const total =
    decided === null
      ? null
      : totalOf({
          grades: (
            await req.payload.find({
              collection: 'grades',
              where: { and: [{ copy: { equals: copyId } }, { marking: { equals: decided ?? 1 } }] },
              depth: 0,
              limit: 0,
              pagination: false,
              overrideAccess: true,
              req,
              select: { questionKey: true, points: true },
            })
          ).docs.map((g) => ({ questionKey: g.questionKey, points: g.points })),
          questions: (await examScale({ id: idOf(copy.exam)!, req })) as never,
        })
  // A derived field, written straight through the adapter in the save's transaction: no copy hook reacts to a
  // total, and a whole-document update (every page row rewritten) made each mark cost far more than itself.
  await req.payload.db.updateOne({ collection: 'copies', id: copyId, data: { total }, req, returning: false })
  return total ?? 0
}

export const Grades: CollectionConfig = {
  slug: 'grades',
  labels: { singular: { fr: 'Note', en: 'Grade' }, plural: { fr: 'Notes', en: 'Grades' } },
  admin: { defaultColumns: ['copy', 'questionKey', 'points', 'corrector'], group: { fr: 'Correction', en: 'Marking' } },
  // One grade per question in each marking of a copy (double-blind marking keeps two, or three after arbitration).
  indexes: [{ fields: ['copy', 'questionKey', 'marking'], unique: true }],
  access: copyChildAccess,
  hooks: {
    beforeOperation: [serializeWrites, lockParentCopy],
    beforeChange: [
      async ({ data, operation, originalDoc, req }) => {
        const merged = { ...originalDoc, ...data }
        const context = await loadCopyForWrite({ copy: merged.copy, req })
        const language = languageOf(req)
        const question = context.scale.find((q) => q.key === merged.questionKey)
        if (!question) throw new BadRequestError(notInScaleMessage({ key: String(merged.questionKey), scale: context.scale, language }), { code: 'notInScale', question: merged.questionKey })
        const problem = checkPoints({ points: merged.points, question })
        // The reason as data too, so a client can point at the field whatever the language.
        if (problem) throw new BadRequestError(pointsMessage({ problem, question, language }), { ...problem, question: question.key })
        return {
          ...data,
          exam: context.examId,
          version: operation === 'create' ? 1 : nextGradeVersion({ data, originalDoc, req }),
          // The signed-in marker; an admin may set it by hand on an update (data entry of a paper mark); the
          // server's own rewrite of a grade (a rubric item's new points) keeps its marker.
          corrector: operation === 'create' || (!isAdmin(req.user) && !isSystemWrite(req)) ? (req.user?.id ?? merged.corrector) : merged.corrector,
        }
      },
    ],
    afterChange: [
      async ({ doc, req }) => {
        await recomputeCopyTotal({ copyId: idOf(doc.copy)!, req })
        return doc
      },
      startMarkingOnFirstWrite,
    ],
    beforeDelete: [refuseDeleteOnClosedCopy('grades')],
    afterError: [gradeErrors],
    afterDelete: [
      async ({ doc, req }) => {
        await recomputeCopyTotal({ copyId: idOf(doc.copy)!, req })
      },
    ],
  },
  fields: [
    // A grade never moves to another copy: the total of the copy it left would be wrong (and it may be closed).
    { name: 'copy', type: 'relationship', relationTo: 'copies', required: true, index: true, label: { fr: 'Copie', en: 'Copy' }, access: { update: () => false } },
    { name: 'questionKey', type: 'text', required: true, label: { fr: 'Question', en: 'Question' } },
    { name: 'points', type: 'number', required: true, label: { fr: 'Points', en: 'Points' } },
    { name: 'comment', type: 'textarea', label: { fr: 'Commentaire', en: 'Comment' } },
    // Bumped by every update; a writer that sends the version it read gets a 409 when it is stale.
    { name: 'version', type: 'number', defaultValue: 1, admin: { readOnly: true }, label: { fr: 'Version', en: 'Version' } },
    { name: 'corrector', type: 'relationship', relationTo: 'users', label: { fr: 'Correcteur', en: 'Corrector' }, admin: { readOnly: true } },
    { name: 'exam', type: 'relationship', relationTo: 'exams', index: true, admin: { readOnly: true, hidden: true }, access: { create: () => false, update: () => false } },
    {
      // Set by the server from the corrector's share (distribution plugin); 1 when the copy is marked once.
      name: 'marking',
      type: 'number',
      required: true,
      defaultValue: 1,
      min: 1,
      max: 3,
      index: true,
      label: { fr: 'Correction n°', en: 'Marking no.' },
      admin: { readOnly: true },
    },
  ],
}
