import type { CollectionBeforeChangeHook } from 'payload'

import { assignedExamIds, isAdmin } from '../../../../../collections/access/roles'
import type { ScaleQuestion } from '../../../../../collections/grading-scale'
import { idOf } from '../../../../../collections/relations'
import { BadRequestError, ForbiddenError } from '../../../../../runtime/errors'
import { languageOf } from '../../../../../collections/grade-messages'
import { rubricItemProblem } from '../../../lib/rubric'
import { rubricMessage, type RubricRefusal } from '../../../lib/rubricMessages'

/** An item names an exam its writer marks, a question of that exam's scale, and points on its step. */
export const checkItem: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const say = (refusal: RubricRefusal) => rubricMessage({ refusal, language: languageOf(req) })
  const examId = idOf(merged.exam)
  if (examId === undefined) throw new BadRequestError(say({ code: 'noExam' }))
  // An item never moves to another exam or question: the grades it is applied to would be wrong.
  if (operation === 'update' && (String(idOf(originalDoc?.exam)) !== String(examId) || originalDoc?.questionKey !== merged.questionKey))
    throw new BadRequestError(say({ code: 'moved' }))
  if (!isAdmin(req.user) && !(await assignedExamIds(req)).map(String).includes(String(examId))) throw new ForbiddenError(say({ code: 'notCorrector', exam: String(examId) }))
  const exam = await req.payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req })
  const question = ((exam.gradingScale ?? []) as ScaleQuestion[]).find((q) => q.key === merged.questionKey)
  if (!question) throw new BadRequestError(say({ code: 'notInScale', question: String(merged.questionKey) }))
  const problem = rubricItemProblem({ question, points: merged.points })
  if (problem) throw new BadRequestError(say(problem))
  const text = String(merged.text ?? '').trim()
  if (!text) throw new BadRequestError(say({ code: 'noText' }))
  return { ...data, text, author: operation === 'create' ? req.user?.id : originalDoc?.author }
}
