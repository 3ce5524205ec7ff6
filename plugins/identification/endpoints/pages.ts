import type { Endpoint } from 'payload'

import type { Id } from '../../../shared/ids'
import { body, readBody, type BodyOf, type Field } from '../../kit/body'
import { editPages, type PageEdit } from '../services/editPages'
import { requireAdmin, routeId, withErrors } from './respond'

const pageEndpoint = <S extends Record<string, Field<unknown>>>(path: string, schema: S, toEdit: (args: { copyId: Id; body: BodyOf<S> }) => PageEdit): Endpoint => ({
  path: `/identification/copies/:id/${path}`,
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const edit = toEdit({ copyId: routeId(req), body: await readBody(req, schema) })
    const result = await editPages({ payload: req.payload, req, edit })
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
  pageEndpoint('pages/rotate', { page: body.int, by: body.int }, ({ copyId, body: { page, by } }) => ({ action: 'rotate', copyId, page, by })),
  // { order: [2, 0, 1] }
  pageEndpoint('pages/reorder', { order: body.intList }, ({ copyId, body: { order } }) => ({ action: 'reorder', copyId, order })),
  // { page, toCopy, position? }
  pageEndpoint('pages/move', { page: body.int, toCopy: body.id, position: body.optional(body.int) }, ({ copyId, body: { page, toCopy, position } }) => ({
    action: 'move-page',
    copyId,
    page,
    toCopyId: toCopy,
    position,
  })),
  // { at } — pages from `at` on become a new copy
  pageEndpoint('split', { at: body.int }, ({ copyId, body: { at } }) => ({ action: 'split', copyId, at })),
  // { from } — the other copy's pages are appended, the other copy is removed
  pageEndpoint('merge', { from: body.id }, ({ copyId, body: { from } }) => ({ action: 'merge', copyId, fromCopyId: from })),
]
