import type { Endpoint, PayloadRequest } from 'payload'

import { assignedExamIds, isAdmin, isTeacher, type Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'

export type Marker = { id: Id; name: string }
export type CopyMarkers = {
  copy: Id
  grades: { questionKey: string; points: number; corrector: Marker | null; updatedAt: string }[]
  annotations: { author: Marker | null; count: number }[]
}

const json = (status: number, body: unknown): Response => Response.json(body, { status })
const error = (status: number, message: string): Response => json(status, { errors: [{ message }] })

/** Teachers cannot read other users, so names of co-correctors are resolved here, for copies they mark. */
const markersOf = async ({ copyId, req }: { copyId: Id; req: PayloadRequest }): Promise<CopyMarkers> => {
  // Marks are read with the asker's own rights: a double-blind marker never learns the other marking.
  const asker = isAdmin(req.user) ? { overrideAccess: true } : { overrideAccess: false, user: req.user }
  const [grades, annotations] = await Promise.all([
    req.payload.find({ collection: 'grades', where: { copy: { equals: copyId } }, depth: 0, pagination: false, ...asker, req }),
    req.payload.find({
      collection: 'annotations',
      where: { copy: { equals: copyId } },
      depth: 0,
      pagination: false,
      ...asker,
      select: { author: true },
      req,
    }),
  ])
  const userIds = new Set<string>()
  for (const g of grades.docs) if (idOf(g.corrector) !== undefined) userIds.add(String(idOf(g.corrector)))
  for (const a of annotations.docs) if (idOf(a.author) !== undefined) userIds.add(String(idOf(a.author)))
  const users = userIds.size
    ? await req.payload.find({
        collection: 'users',
        where: { id: { in: [...userIds] } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: { name: true, email: true },
        req,
      })
    : { docs: [] }
  const byId = new Map(users.docs.map((u) => [String(u.id), { id: u.id, name: (u.name as string | undefined) || u.email }]))
  const marker = (value: unknown): Marker | null => byId.get(String(idOf(value))) ?? null
  const counts = new Map<string, number>()
  for (const a of annotations.docs) {
    const key = String(idOf(a.author) ?? '')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return {
    copy: copyId,
    grades: grades.docs.map((g) => ({
      questionKey: g.questionKey as string,
      points: g.points as number,
      corrector: marker(g.corrector),
      updatedAt: g.updatedAt as string,
    })),
    annotations: [...counts].map(([author, count]) => ({ author: byId.get(author) ?? null, count })),
  }
}

/** GET /api/correction/copies/:id/markers — who marked which question and who annotated, with names. */
export const copyMarkersEndpoint: Endpoint = {
  path: '/correction/copies/:id/markers',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(401, 'Sign in first')
    const copyId = req.routeParams?.id as Id | undefined
    if (copyId === undefined) return error(400, 'A copy id is required')
    const copy = await req.payload
      .findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!copy) return error(404, `Copy ${copyId} does not exist`)
    if (!isAdmin(req.user)) {
      const allowed = isTeacher(req.user) ? (await assignedExamIds(req)).map(String) : []
      // Same answer as for a copy that does not exist: do not reveal copies of other exams.
      if (!allowed.includes(String(idOf(copy.exam))) || copy.status === 'staging') return error(404, `Copy ${copyId} does not exist`)
      // …nor copies outside the teacher's share of a distributed exam.
      const readable = await req.payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: false, user: req.user, req, select: { anonymousId: true }, disableErrors: true })
      if (!readable) return error(404, `Copy ${copyId} does not exist`)
    }
    return json(200, await markersOf({ copyId: copy.id, req }))
  },
}
