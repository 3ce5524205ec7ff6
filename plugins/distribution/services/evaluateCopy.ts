import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { recomputeCopyTotal } from '../../../collections/Grades'
import { idOf } from '../../../collections/relations'
import { ASSIGNMENTS_SLUG } from '../collections/Assignments'
import { compareMarkings } from '../lib/review'
import { systemWrite } from './systemWrite'
import { assignmentsOf, gradesOf, loadExam, type AssignmentDoc } from './load'

export type CopyVerdict = 'open' | 'finalized' | 'agreed' | 'flagged' | 'arbitration' | 'decided'

/** Every question of the marking has a finished row over it. */
const complete = ({ rows, marking, questionKeys }: { rows: AssignmentDoc[]; marking: number; questionKeys: string[] }) => {
  const done = rows.filter((r) => r.marking === marking && r.doneAt)
  if (done.some((r) => r.questionKeys === null)) return true
  const covered = new Set(done.flatMap((r) => r.questionKeys ?? []))
  return questionKeys.length > 0 && questionKeys.every((q) => covered.has(q))
}

const finalize = async ({ payload, copyId, decided, req }: { payload: Payload; copyId: Id; decided: number; req?: PayloadRequest }) => {
  const request = req ?? (await createLocalReq({}, payload))
  await systemWrite(request, async () => {
    await payload.update({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req: request, data: { decidedMarking: decided } })
    await recomputeCopyTotal({ copyId, req: request })
    const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req: request })
    if (copy.status !== 'finalized' && copy.status !== 'locked')
      await payload.update({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req: request, data: { status: 'finalized', finalizedAt: new Date().toISOString() } })
  })
}

/** The least-loaded active corrector who holds neither blind marking of the copy: the third corrector. */
const pickArbiter = async ({ payload, examId, correctors, exclude, req }: { payload: Payload; examId: Id; correctors: Id[]; exclude: string[]; req?: PayloadRequest }): Promise<Id | undefined> => {
  const candidates = correctors.filter((c) => !exclude.includes(String(c)))
  if (!candidates.length) return undefined
  const arbiters = await assignmentsOf({ payload, where: { and: [{ exam: { equals: examId } }, { role: { equals: 'arbiter' } }, { state: { equals: 'active' } }] }, req })
  const load = (id: Id) => arbiters.filter((a) => String(a.corrector) === String(id)).length
  return [...candidates].sort((a, b) => load(a) - load(b) || String(a).localeCompare(String(b)))[0]
}

/**
 * Where a copy of a distributed exam stands after a part was finished: finalized once its marking is complete
 * (double-blind: once both are, if they agree — the first marking is then the one published; if they do not,
 * flagged for a third corrector's marking or the admin's decision, both markings kept).
 */
export const evaluateCopy = async ({ payload, copyId, req }: { payload: Payload; copyId: Id; req?: PayloadRequest }): Promise<CopyVerdict> => {
  const copy = await payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req })
  const { settings, questionKeys, correctors } = await loadExam({ payload, examId: idOf(copy.exam)!, req })
  if (settings.mode === 'all') return 'open'
  const rows = await assignmentsOf({ payload, where: { copy: { equals: copyId } }, req })
  const review = (copy as { markingReview?: { state?: string } }).markingReview
  if (!settings.doubleBlind) {
    if (!complete({ rows, marking: 1, questionKeys })) return 'open'
    await finalize({ payload, copyId, decided: 1, req })
    return 'finalized'
  }
  if (review?.state === 'decided') return 'decided'
  if (!complete({ rows, marking: 1, questionKeys }) || !complete({ rows, marking: 2, questionKeys })) return 'open'
  const grades = await gradesOf({ payload, where: { copy: { equals: copyId } }, req })
  const points = (m: number) => new Map(grades.filter((g) => g.marking === m).map((g) => [g.questionKey, g.points ?? 0]))
  const comparison = compareMarkings({ questionKeys, first: points(1), second: points(2), thresholdTotal: settings.thresholdTotal ?? 2, thresholdQuestion: settings.thresholdQuestion })
  const setReview = (state: string) =>
    payload.update({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, data: { markingReview: { state, detail: comparison } } as never })
  if (!comparison.flagged) {
    await setReview('agreed')
    await finalize({ payload, copyId, decided: 1, req })
    return 'agreed'
  }
  if (settings.arbitration === 'third') {
    const arbiter = rows.find((r) => r.role === 'arbiter' && r.state === 'active')
    if (arbiter && complete({ rows, marking: 3, questionKeys })) {
      await setReview('decided')
      await finalize({ payload, copyId, decided: 3, req })
      return 'decided'
    }
    if (!arbiter) {
      const exclude = rows.filter((r) => r.marking !== 3).map((r) => String(r.corrector))
      const active = settings.correctors.filter((c) => c.active !== false).map((c) => c.id)
      const third = await pickArbiter({ payload, examId: idOf(copy.exam)!, correctors: active.length ? active : correctors, exclude, req })
      if (third !== undefined) {
        await payload.create({ collection: ASSIGNMENTS_SLUG as 'assignments', overrideAccess: true, req, data: { exam: idOf(copy.exam)!, copy: copyId, corrector: third, marking: 3, role: 'arbiter', state: 'active', questionKeys: null } as never })
        await setReview('arbitration')
        return 'arbitration'
      }
    } else {
      await setReview('arbitration')
      return 'arbitration'
    }
  }
  await setReview('flagged')
  return 'flagged'
}
