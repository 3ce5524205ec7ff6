import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { recomputeCopyTotal } from '../../../collections/Grades'
import { idOf } from '../../../collections/relations'
import { BadRequestError } from '../../../runtime/errors'
import { ASSIGNMENTS_SLUG } from '../collections/Assignments'
import { planDistribution, type ExistingAssignment } from '../lib/plan'
import { settingsConflicts } from '../lib/settings'
import { annotationAuthors, assignmentsOf, gradesOf, loadExam, markableCopies } from './load'

export type DistributionResult = { mode: string; created: number; updated: number; released: number; overflow: number; copies: number }

/**
 * (Re)distributes an exam's markable copies with its settings. What was already marked stays where it is
 * (see planDistribution); switching double-blind on or off sets which marking counts on every copy.
 */
export const applyDistribution = async ({ payload, examId, req }: { payload: Payload; examId: Id; req: PayloadRequest }): Promise<DistributionResult> => {
  const { settings, questionKeys, correctors } = await loadExam({ payload, examId, req })
  const problems = settingsConflicts({ settings, examCorrectors: correctors, questionKeys })
  if (problems.length) throw new BadRequestError(`The distribution cannot be applied: ${problems.join('; ')}`, { problems })
  const copies = await markableCopies({ payload, examId, req })
  const existingDocs = await assignmentsOf({ payload, where: { exam: { equals: examId } }, req })
  const [grades, annotations] = await Promise.all([gradesOf({ payload, where: { exam: { equals: examId } }, req }), annotationAuthors({ payload, examId, req })])
  const worked = new Set([
    ...grades.map((g) => `${idOf(g.copy)}|${idOf(g.corrector)}|${g.marking ?? 1}`),
    ...annotations.map((a: any) => `${idOf(a.copy)}|${idOf(a.author)}|${a.marking ?? 1}`),
  ])
  const existing: ExistingAssignment[] = existingDocs.map((a) => ({ ...a, done: Boolean(a.doneAt), started: worked.has(`${a.copy}|${a.corrector}|${a.marking}`) }))
  const plan = planDistribution({ settings, copies: copies.map((c) => c.id), questionKeys, existing, seed: settings.seed || `exam-${examId}` })
  for (const row of plan.create)
    await payload.create({ collection: ASSIGNMENTS_SLUG as 'assignments', overrideAccess: true, req, data: { exam: examId, ...row, role: 'marker', state: 'active' } as never })
  for (const { id, questionKeys: keys } of plan.update) await payload.update({ collection: ASSIGNMENTS_SLUG as 'assignments', id, overrideAccess: true, req, data: { questionKeys: keys } as never })
  for (const id of plan.release) await payload.update({ collection: ASSIGNMENTS_SLUG as 'assignments', id, overrideAccess: true, req, data: { state: 'released' } as never })
  // Double-blind copies have no published total until decided; others count their one marking.
  for (const copy of copies) {
    const decided = (copy as { markingReview?: { state?: string } }).markingReview?.state === 'decided'
    const want = settings.doubleBlind && settings.mode !== 'all' ? (decided ? copy.decidedMarking : null) : (copy.decidedMarking ?? 1)
    if (want !== copy.decidedMarking) {
      await payload.update({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, req, data: { decidedMarking: want } })
      await recomputeCopyTotal({ copyId: copy.id, req })
    }
  }
  return { mode: settings.mode, created: plan.create.length, updated: plan.update.length, released: plan.release.length, overflow: plan.overflow, copies: copies.length }
}
