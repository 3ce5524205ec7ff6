import type { Endpoint, PayloadRequest } from 'payload'

import { BadRequestError } from '../../../runtime/errors'
import { editPages, type PageEdit } from '../services/editPages'
import { jsonBody, requireAdmin, routeId, withErrors } from './respond'

const int = (body: Record<string, unknown>, key: string, optional = false): number | undefined => {
  const value = body[key]
  if (value === undefined && optional) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new BadRequestError(`"${key}" must be an integer`)
  return value
}

const idField = (body: Record<string, unknown>, key: string) => {
  const value = body[key]
  if (typeof value !== 'string' && typeof value !== 'number') throw new BadRequestError(`"${key}" must be a copy id`)
  return value
}

const pageEndpoint = (path: string, toEdit: (args: { req: PayloadRequest; body: Record<string, unknown> }) => PageEdit): Endpoint => ({
  path: `/identification/copies/:id/${path}`,
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const body = await jsonBody(req)
    const result = await editPages({ payload: req.payload, req, edit: toEdit({ req, body }) })
    return Response.json({
      copies: result.copies.map((c) => ({ id: c.id, anonymousId: c.anonymousId, pages: c.pages, status: c.status, identification: { status: c.identification?.status } })),
      // A copy the edit removed (its last page moved away, merged into another): the client drops it.
      deleted: result.deleted,
      removed: result.removed,
    })
  }),
})

/** Hand fixes of the scan (pages numbered from 0 in the copy's reading order); each rebuilds the PDFs involved. */
export const pageEndpoints: Endpoint[] = [
  // { page, by: ±90 | 180 } — clockwise quarter turns
  pageEndpoint('pages/rotate', ({ req, body }) => ({ action: 'rotate', copyId: routeId(req), page: int(body, 'page')!, by: int(body, 'by')! })),
  // { order: [2, 0, 1] }
  pageEndpoint('pages/reorder', ({ req, body }) => {
    if (!Array.isArray(body.order) || !body.order.every((v) => Number.isInteger(v))) throw new BadRequestError('"order" must be a list of page indexes')
    return { action: 'reorder', copyId: routeId(req), order: body.order as number[] }
  }),
  // { page, toCopy, position? }
  pageEndpoint('pages/move', ({ req, body }) => ({ action: 'move-page', copyId: routeId(req), page: int(body, 'page')!, toCopyId: idField(body, 'toCopy'), position: int(body, 'position', true) })),
  // { at } — pages from `at` on become a new copy
  pageEndpoint('split', ({ req, body }) => ({ action: 'split', copyId: routeId(req), at: int(body, 'at')! })),
  // { from } — the other copy's pages are appended, the other copy is removed
  pageEndpoint('merge', ({ req, body }) => ({ action: 'merge', copyId: routeId(req), fromCopyId: idField(body, 'from') })),
]
