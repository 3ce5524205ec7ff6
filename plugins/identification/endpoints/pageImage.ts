import type { Endpoint } from 'payload'

import { idOf } from '../../../collections/relations'
import { BadRequestError, NotFoundError } from '../../../runtime/errors'
import { readUpload } from '../../../storage/uploads'
import { requireAdmin, routeId, withErrors } from './respond'

/** GET /api/identification/copies/:id/pages/:page/image — page N (from 0) of the copy, for the desk's page panel. Admins only. */
export const pageImageEndpoint: Endpoint = {
  path: '/identification/copies/:id/pages/:page/image',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const index = Number(req.routeParams?.page)
    if (!Number.isInteger(index) || index < 0) throw new BadRequestError('The page must be a number from 0')
    const copy = await req.payload.findByID({ collection: 'copies', id: routeId(req), depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!copy) throw new NotFoundError(`Copy ${routeId(req)} does not exist`)
    const mediaId = idOf(copy.pdf)
    if (mediaId === undefined) throw new NotFoundError(`Copy ${copy.anonymousId} has no PDF yet`)
    const media = await req.payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true, req })
    // Loaded on use: mupdf's wasm stays out of the admin bundle and of start-up.
    const { renderCopyPage } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/pages/renderPage')
    const jpeg = await renderCopyPage({ pdf: await readUpload({ payload: req.payload, collection: 'media', doc: media }), index })
    if (!jpeg) throw new NotFoundError(`Copy ${copy.anonymousId} has no page ${index}`)
    // The desk adds the PDF's file name to the URL, so a rebuilt copy gets a new URL: caching is safe.
    return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=3600' } })
  }),
}
