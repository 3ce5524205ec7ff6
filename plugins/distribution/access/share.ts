import type { PayloadRequest, Where } from 'payload'

import { correctorExams, isAdmin, isTeacher, type Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { forgetForRequest, oncePerRequest } from '../../../collections/request-memo'
import { ASSIGNMENTS_SLUG } from '../collections/Assignments'
import { readSettings } from '../lib/settings'

export type ShareRow = { id: Id; exam: Id; copy: Id; marking: number; questionKeys: string[] | null; role: 'marker' | 'arbiter'; done: boolean }

/** What the signed-in teacher may mark: whole exams (not distributed), and their rows in distributed ones. */
export type Share = { openExams: Id[]; distributedExams: Map<string, { doubleBlind: boolean }>; rows: ShareRow[] }

const NO_ROWS: Where = { id: { exists: false } }
const oneOf = (field: string, ids: Id[]): Where => (ids.length ? { [field]: { in: ids } } : NO_ROWS)

const SHARE = 'distribution-share'

/** The teacher's share, read once per request (access runs for every collection the request touches). */
export const shareOf = (req: PayloadRequest): Promise<Share> =>
  oncePerRequest(req, SHARE, async () => {
    const user = req.user!
    const openExams: Id[] = []
    const distributedExams = new Map<string, { doubleBlind: boolean }>()
    for (const exam of await correctorExams(req)) {
      const settings = readSettings(exam.distribution)
      if (settings.mode === 'all') openExams.push(exam.id)
      else distributedExams.set(String(exam.id), { doubleBlind: Boolean(settings.doubleBlind) })
    }
    const rows = distributedExams.size
      ? (
          await req.payload.find({
            collection: ASSIGNMENTS_SLUG as 'assignments',
            where: { and: [{ corrector: { equals: user.id } }, { state: { equals: 'active' } }, { exam: { in: [...distributedExams.keys()] } }] },
            depth: 0,
            limit: 0,
            pagination: false,
            overrideAccess: true,
            req,
          })
        ).docs.map((a: any): ShareRow => ({ id: a.id, exam: idOf(a.exam)!, copy: idOf(a.copy)!, marking: a.marking, questionKeys: a.questionKeys ?? null, role: a.role ?? 'marker', done: Boolean(a.doneAt) }))
      : []
    return { openExams, distributedExams, rows }
  })

/** Forget the memo after the request changed the share (an assignment marked done). */
export const forgetShare = (req: PayloadRequest) => forgetForRequest(req, SHARE)

/** Markings a row lets its holder read: their own, and for an arbiter the two they arbitrate. */
export const readableMarkings = (row: ShareRow): number[] => (row.role === 'arbiter' ? [1, 2, 3] : [row.marking])

/** Rows grouped by what they open, so a teacher's query stays a handful of clauses whatever the class size. */
const grouped = (rows: ShareRow[], by: (row: ShareRow) => string) => {
  const groups = new Map<string, ShareRow[]>()
  for (const row of rows) groups.set(by(row), [...(groups.get(by(row)) ?? []), row])
  return [...groups.values()]
}

type Rule = 'copies' | 'grades' | 'annotations' | 'media'

/**
 * The rows of `collection` the teacher's share opens, as a query ANDed to the collection's own access:
 * `write` restricts grades and annotations to the teacher's own marking (an arbiter reads three, writes one).
 */
export const shareWhere = async ({ req, rule, write = false }: { req: PayloadRequest; rule: Rule; write?: boolean }): Promise<boolean | Where> => {
  if (isAdmin(req.user)) return true
  if (!isTeacher(req.user)) return false
  const share = await shareOf(req)
  const open = share.openExams.length ? [oneOf('exam', share.openExams)] : []
  const rows = share.rows
  const copies = (list: ShareRow[]) => [...new Set(list.map((r) => r.copy))]
  let clauses: Where[] = []
  if (rule === 'copies' || rule === 'media') clauses = rows.length ? [oneOf(rule === 'copies' ? 'id' : 'copy', copies(rows))] : []
  if (rule === 'annotations')
    clauses = grouped(rows, (r) => (write ? String(r.marking) : readableMarkings(r).join(','))).map((g) => ({
      and: [oneOf('copy', copies(g)), { marking: { in: write ? [g[0]!.marking] : readableMarkings(g[0]!) } }],
    }))
  if (rule === 'grades')
    clauses = grouped(rows, (r) => `${write ? r.marking : readableMarkings(r).join(',')}|${r.questionKeys?.join(',') ?? '*'}`).map((g) => ({
      and: [oneOf('copy', copies(g)), { marking: { in: write ? [g[0]!.marking] : readableMarkings(g[0]!) } }, ...(g[0]!.questionKeys ? [oneOf('questionKey', g[0]!.questionKeys as unknown as Id[])] : [])],
    }))
  const all = [...open, ...clauses]
  return all.length === 0 ? NO_ROWS : all.length === 1 ? all[0]! : { or: all }
}

/** The teacher's row on a copy of a distributed exam; undefined on an exam everyone marks whole. */
export const rowFor = async ({ req, copy, exam }: { req: PayloadRequest; copy: Id; exam: Id }): Promise<{ distributed: boolean; row?: ShareRow }> => {
  const share = await shareOf(req)
  if (!share.distributedExams.has(String(exam))) return { distributed: false }
  const mine = share.rows.filter((r) => String(r.copy) === String(copy))
  // An arbiter's row wins: it is the one that writes.
  return { distributed: true, row: mine.find((r) => r.role === 'arbiter') ?? mine[0] }
}
