import type { PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { shareOf } from '../access/share'

export type MyCopy = { id: Id; anonymousId: string; marking: number; questionKeys: string[] | null; done: boolean; graded: string[] }
export type MyShare = { exam: Id; mode: 'all' | 'distributed'; doubleBlind: boolean; questionKeys: string[] | null; copies: MyCopy[] }

/**
 * A teacher's share of an exam, in the order they mark it, with the questions they already graded on each
 * copy: what the portal's "next copy on this question" walks through. Read with the teacher's own access.
 */
export const myShare = async ({ req, examId }: { req: PayloadRequest; examId: Id }): Promise<MyShare | undefined> => {
  const share = await shareOf(req)
  const open = share.openExams.some((e) => String(e) === String(examId))
  const distributed = share.distributedExams.get(String(examId))
  if (!open && !distributed) return undefined
  const copies = await req.payload.find({ collection: 'copies', where: { exam: { equals: examId } }, depth: 0, limit: 0, pagination: false, overrideAccess: false, user: req.user, req, sort: 'anonymousId', select: { anonymousId: true, status: true } })
  const grades = await req.payload.find({ collection: 'grades', where: { exam: { equals: examId } }, depth: 0, limit: 0, pagination: false, overrideAccess: false, user: req.user, req, select: { copy: true, questionKey: true, marking: true } })
  const rows = share.rows.filter((r) => String(r.exam) === String(examId))
  const list: MyCopy[] = copies.docs.map((c: any) => {
    const row = rows.find((r) => String(r.copy) === String(c.id) && r.role === 'arbiter') ?? rows.find((r) => String(r.copy) === String(c.id))
    const marking = row?.marking ?? 1
    return {
      id: c.id,
      anonymousId: c.anonymousId,
      marking,
      questionKeys: row?.questionKeys ?? null,
      done: row ? Boolean(row.done) : c.status === 'finalized' || c.status === 'locked',
      graded: grades.docs.filter((g: any) => String(idOf(g.copy)) === String(c.id) && (g.marking ?? 1) === marking).map((g: any) => g.questionKey),
    }
  })
  const keys = [...new Set(rows.flatMap((r) => r.questionKeys ?? []))]
  const wholeCopies = rows.some((r) => r.questionKeys === null)
  return { exam: examId, mode: distributed ? 'distributed' : 'all', doubleBlind: Boolean(distributed?.doubleBlind), questionKeys: distributed && !wholeCopies && keys.length ? keys : null, copies: list }
}
