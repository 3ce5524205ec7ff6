import type { Endpoint } from 'payload'

import { isAdmin } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { BadRequestError, ConflictError, NotFoundError } from '../../../runtime/errors'
import { readUpload } from '../../../storage/uploads'
import { requireUser, routeId, withErrors } from './request'

/**
 * GET /api/anonymization/copies/:id/pages/:page/image — page N (from 0) of a copy as JPEG. Teachers get it
 * from the redacted PDF, through their own read access to the copy (a copy they may not read is a 404, like
 * one that does not exist); admins get the original, or the redacted page with `?redacted=1`.
 */
export const pageImageEndpoint: Endpoint = {
  path: '/anonymization/copies/:id/pages/:page/image',
  method: 'get',
  handler: withErrors(async (req) => {
    requireUser(req)
    const index = Number(req.routeParams?.page)
    if (!Number.isInteger(index) || index < 0) throw new BadRequestError('The page must be a number from 0')
    const id = routeId(req)
    const admin = isAdmin(req.user)
    const copy = await req.payload.findByID({ collection: 'copies', id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
    if (!copy) throw new NotFoundError(`Copy ${id} does not exist`)
    const redacted = !admin || req.searchParams?.get('redacted') === '1'
    // Read as the server: for a teacher, `copy.pdf` above is already the redacted rendition (or null).
    const full = admin ? await req.payload.findByID({ collection: 'copies', id, depth: 0, overrideAccess: true, req }) : copy
    const mediaId = redacted ? (admin ? idOf(full.redaction?.status === 'done' ? full.redaction.pdf : undefined) : idOf(copy.pdf)) : idOf(full.pdf)
    if (mediaId === undefined) throw new ConflictError(redacted ? `The anonymised scan of copy ${copy.anonymousId} is being prepared: try again in a moment` : `Copy ${copy.anonymousId} has no PDF yet`)
    const media = await req.payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true, req })
    const { renderPageJpeg } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/redactPdf')
    const jpeg = await renderPageJpeg({ pdf: await readUpload({ payload: req.payload, collection: 'media', doc: media }), index })
    if (!jpeg) throw new NotFoundError(`Copy ${copy.anonymousId} has no page ${index}`)
    return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, no-store' } })
  }),
}
