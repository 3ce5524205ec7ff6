import type { Endpoint } from 'payload'

import { isAdmin, type Id } from '../../../collections/access/roles'
import { NotFoundError } from '../../../runtime/errors'
import { requireUser, routeId, withErrors } from '../../anonymization/endpoints/request'

/** [id, version] pairs: what the portal compares with what it shows. */
export type CopyVersions = { copy: Id; status: string; total: number | null; grades: [Id, number][]; annotations: [Id, number][] }

/**
 * GET /api/correction/copies/:id/versions — the open copy's state in a few bytes (status, total, every grade's
 * and annotation's version), polled by the portal every few seconds so a colleague's change shows without a
 * reload; the full rows are fetched only when something moved. Read with the asker's own rights: a
 * double-blind marker never learns the other marking's rows, and a copy outside one's share is a 404.
 */
export const copyVersionsEndpoint: Endpoint = {
  path: '/correction/copies/:id/versions',
  method: 'get',
  handler: withErrors(async (req) => {
    requireUser(req)
    const id = routeId(req)
    const asker = isAdmin(req.user) ? { overrideAccess: true } : { overrideAccess: false, user: req.user }
    const copy = await req.payload.findByID({ collection: 'copies', id, depth: 0, ...asker, req, disableErrors: true, select: { status: true, total: true } })
    if (!copy || (!isAdmin(req.user) && copy.status === 'staging')) throw new NotFoundError(`Copy ${id} does not exist`)
    const where = { copy: { equals: id } }
    // One after the other: the request's database connection runs one query at a time.
    const grades = await req.payload.find({ collection: 'grades', where, depth: 0, pagination: false, ...asker, req, select: { version: true } })
    const annotations = await req.payload.find({ collection: 'annotations', where, depth: 0, pagination: false, ...asker, req, select: { version: true } })
    const body: CopyVersions = {
      copy: copy.id,
      status: copy.status,
      total: copy.total ?? null,
      grades: grades.docs.map((g) => [g.id, g.version ?? 1]),
      annotations: annotations.docs.map((a) => [a.id, a.version ?? 1]),
    }
    return Response.json(body, { headers: { 'cache-control': 'no-store' } })
  }),
}
