import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import type { DistributionSettings } from '../lib/settings'
import { assignmentsOf, gradesOf, loadExam, markableCopies } from './load'

export type CorrectorProgress = { id: Id; name: string; active: boolean; copies: number; done: number; graded: number; expected: number }
export type QuestionProgress = { key: string; label: string | null; graded: number; expected: number; byCorrector: Record<string, number> }
export type FlaggedCopy = { id: Id; anonymousId: string; state: string; detail: unknown; decidedMarking: number | null }
export type DistributionProgress = {
  exam: Id
  settings: DistributionSettings
  examCorrectors: { id: Id; name: string }[]
  copies: number
  correctors: CorrectorProgress[]
  questions: QuestionProgress[]
  review: FlaggedCopy[]
}

/** Where the exam's marking stands, per corrector and per question (admins). */
export const distributionProgress = async ({ payload, examId, req }: { payload: Payload; examId: Id; req: PayloadRequest }): Promise<DistributionProgress> => {
  const { exam, settings, questionKeys, correctors } = await loadExam({ payload, examId, req })
  const copies = await markableCopies({ payload, examId, req })
  const rows = (await assignmentsOf({ payload, where: { exam: { equals: examId } }, req })).filter((r) => r.state === 'active' || r.doneAt)
  const grades = await gradesOf({ payload, where: { exam: { equals: examId } }, req })
  const users = correctors.length ? (await payload.find({ collection: 'users', where: { id: { in: correctors } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { name: true, email: true } })).docs : []
  const nameOf = (id: Id) => {
    const u = users.find((x) => String(x.id) === String(id))
    return (u?.name as string | undefined) || u?.email || `#${id}`
  }
  const markings = settings.mode !== 'all' && settings.doubleBlind ? 2 : 1
  const gradeKey = (copy: unknown, marking: number, key: string) => `${idOf(copy)}|${marking}|${key}`
  const given = new Set(grades.map((g) => gradeKey(g.copy, g.marking ?? 1, g.questionKey)))
  const active = new Set(settings.correctors.filter((c) => c.active !== false).map((c) => String(c.id)))
  const correctorRows: CorrectorProgress[] = correctors.map((id) => {
    const mine = rows.filter((r) => String(r.corrector) === String(id))
    const units = mine.flatMap((r) => (r.questionKeys ?? questionKeys).map((q) => gradeKey(r.copy, r.marking, q)))
    return {
      id,
      name: nameOf(id),
      active: settings.mode === 'all' || active.has(String(id)),
      copies: settings.mode === 'all' ? copies.length : new Set(mine.map((r) => String(r.copy))).size,
      done: mine.filter((r) => r.doneAt).length,
      graded: settings.mode === 'all' ? grades.filter((g) => String(idOf(g.corrector)) === String(id)).length : units.filter((u) => given.has(u)).length,
      expected: settings.mode === 'all' ? copies.length * questionKeys.length : units.length,
    }
  })
  const scale = (exam.gradingScale ?? []) as { key: string; label?: string | null }[]
  const questions: QuestionProgress[] = scale.map((q) => {
    const byCorrector: Record<string, number> = {}
    for (const g of grades.filter((g) => g.questionKey === q.key)) byCorrector[String(idOf(g.corrector))] = (byCorrector[String(idOf(g.corrector))] ?? 0) + 1
    const graded = copies.filter((c) => [...Array(markings).keys()].every((m) => given.has(gradeKey(c.id, m + 1, q.key)))).length
    return { key: q.key, label: q.label ?? null, graded, expected: copies.length, byCorrector }
  })
  const review = copies
    .filter((c) => ['flagged', 'arbitration', 'decided', 'agreed'].includes((c as any).markingReview?.state ?? ''))
    .map((c: any) => ({ id: c.id, anonymousId: c.anonymousId ?? String(c.id), state: c.markingReview.state, detail: c.markingReview.detail ?? null, decidedMarking: c.decidedMarking ?? null }))
  return { exam: exam.id, settings, examCorrectors: correctors.map((id) => ({ id, name: nameOf(id) })), copies: copies.length, correctors: correctorRows, questions, review }
}
