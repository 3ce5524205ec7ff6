import type { Endpoint } from 'payload'

import { assignedExamIds, isAdmin, type Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import { requireUser, routeId, withErrors } from '../../anonymization/endpoints/request'
import { RUBRIC_ITEMS_SLUG } from '../collections/rubric-items'

export type RubricItemUse = { id: Id; questionKey: string; points: number; text: string; uses: number }

/**
 * GET /api/correction/exams/:id/rubric — the exam's rubric items, oldest first per question (their keys 1–9
 * follow that order), each with how many grades apply it across the whole exam (a count, no copy named), for
 * the exam's correctors and admins; 404 for anyone else, as for an exam that does not exist.
 */
export const rubricEndpoint: Endpoint = {
  path: '/correction/exams/:id/rubric',
  method: 'get',
  handler: withErrors(async (req) => {
    requireUser(req)
    const examId = routeId(req)
    if (!isAdmin(req.user) && !(await assignedExamIds(req)).map(String).includes(String(examId))) throw new NotFoundError(`Exam ${examId} does not exist`)
    // One after the other: the request's database connection runs one query at a time.
    const items = await req.payload.find({ collection: RUBRIC_ITEMS_SLUG as never, where: { exam: { equals: examId } }, sort: 'createdAt', depth: 0, pagination: false, overrideAccess: true, req })
    const grades = await req.payload.find({ collection: 'grades', where: { and: [{ exam: { equals: examId } }, { rubricItems: { exists: true } }] }, depth: 0, pagination: false, overrideAccess: true, req, select: { rubricItems: true } as never })
    const uses = new Map<string, number>()
    for (const g of grades.docs as { rubricItems?: unknown[] | null }[]) for (const item of g.rubricItems ?? []) uses.set(String(idOf(item)), (uses.get(String(idOf(item))) ?? 0) + 1)
    const body: RubricItemUse[] = (items.docs as unknown as RubricItemUse[]).map((i) => ({ id: i.id, questionKey: i.questionKey, points: i.points, text: i.text, uses: uses.get(String(i.id)) ?? 0 }))
    return Response.json({ items: body }, { headers: { 'cache-control': 'no-store' } })
  }),
}
