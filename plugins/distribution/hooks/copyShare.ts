import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, FieldHook } from 'payload'

import { isAdmin, isTeacher } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { ASSIGNMENTS_SLUG } from '../collections/Assignments'
import { forgetShare, readableMarkings, rowFor, shareOf } from '../access/share'
import { evaluateCopy } from '../services/evaluateCopy'
import { isSystemWrite } from '../services/systemWrite'
import { isCopyWrite } from '../../anonymization/hooks/writeContext'

type Context = { korrigoEvaluate?: Set<string> }

/**
 * On a distributed exam, a teacher's "finalize" finalizes their part (their row), not the copy: the copy is
 * finalized once every part of every marking is done and, double-blind, the markings agree or were decided.
 */
export const finalizeOwnPart: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !isTeacher(req.user) || data.status !== 'finalized' || !originalDoc || isSystemWrite(req)) return data
  const { distributed, row } = await rowFor({ req, copy: originalDoc.id, exam: idOf(originalDoc.exam)! })
  if (!distributed || !row) return data
  if (!row.done) await req.payload.update({ collection: ASSIGNMENTS_SLUG as 'assignments', id: row.id, data: { doneAt: new Date().toISOString() }, overrideAccess: true, depth: 0, req })
  forgetShare(req)
  const context = req.context as Context
  context.korrigoEvaluate = (context.korrigoEvaluate ?? new Set()).add(String(originalDoc.id))
  data.status = originalDoc.status === 'ready' ? 'marking' : originalDoc.status
  return data
}

export const evaluateAfterPart: CollectionAfterChangeHook = async ({ doc, req }) => {
  const pending = (req.context as Context).korrigoEvaluate
  if (!pending?.has(String(doc.id))) return doc
  pending.delete(String(doc.id))
  await evaluateCopy({ payload: req.payload, copyId: doc.id, req })
  const after = await req.payload.findByID({ collection: 'copies', id: doc.id, depth: 0, overrideAccess: true, req })
  return { ...doc, status: after.status, total: after.total }
}

/** A teacher sees their own part's state: a copy they finished reads "finalized" for them. */
export const statusAsSeen: FieldHook = async ({ value, siblingData, req, overrideAccess }) => {
  if (overrideAccess || isCopyWrite(req) || isAdmin(req.user) || !isTeacher(req.user) || value === 'locked' || value === 'finalized') return value
  const copy = (siblingData as { id?: unknown }).id, exam = idOf((siblingData as { exam?: unknown }).exam)
  if (copy === undefined || exam === undefined) return value
  const { distributed, row } = await rowFor({ req, copy: copy as string, exam })
  return distributed && row?.done ? 'finalized' : value
}

/**
 * A teacher of a distributed exam sees the total of what they may read (their questions, their marking):
 * never the other blind marking's, nor the other correctors' questions.
 */
export const totalAsSeen: FieldHook = async ({ value, siblingData, req, overrideAccess }) => {
  if (overrideAccess || isCopyWrite(req) || isAdmin(req.user) || !isTeacher(req.user)) return value
  const copy = (siblingData as { id?: unknown }).id, exam = idOf((siblingData as { exam?: unknown }).exam)
  if (copy === undefined || exam === undefined) return value
  const share = await shareOf(req)
  if (!share.distributedExams.has(String(exam))) return value
  const memo = req.context as { korrigoSeenTotals?: Map<string, Promise<Map<string, number>>> }
  memo.korrigoSeenTotals ??= new Map()
  let totals = memo.korrigoSeenTotals.get(String(exam))
  if (!totals) {
    totals = (async () => {
      const rows = share.rows.filter((r) => String(r.exam) === String(exam))
      const sums = new Map<string, number>()
      if (!rows.length) return sums
      const grades = await req.payload.find({ collection: 'grades', where: { copy: { in: [...new Set(rows.map((r) => r.copy))] } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { copy: true, questionKey: true, points: true, marking: true } })
      for (const g of grades.docs) {
        const row = rows.find((r) => String(r.copy) === String(idOf(g.copy)))
        // The teacher's own marking only (an arbiter's total is their own third marking).
        if (!row || g.marking !== row.marking || (row.questionKeys && !row.questionKeys.includes(g.questionKey))) continue
        sums.set(String(idOf(g.copy)), (sums.get(String(idOf(g.copy))) ?? 0) + (g.points ?? 0))
      }
      return sums
    })()
    memo.korrigoSeenTotals.set(String(exam), totals)
  }
  const sum = (await totals).get(String(copy))
  return sum === undefined ? null : Math.round(sum * 1000) / 1000
}

export { readableMarkings }
