import type { Endpoint } from 'payload'

import { idOf } from '../../../collections/relations'
import { BadRequestError, NotFoundError } from '../../../runtime/errors'
import { readUpload } from '../../../storage/uploads'
import { requireAdmin, routeId, withErrors } from './respond'

const WIDTH = 200

/**
 * One page of a copy's own PDF as a small JPEG, as markers will see it: the copy PDF already carries
 * the crop box (A3 halves) and /Rotate, which mupdf applies when rendering — so no batch is re-read.
 */
const renderCopyPage = async ({ bytes, index }: { bytes: Uint8Array; index: number }): Promise<Buffer> => {
  const mupdf = await import('mupdf')
  const { default: sharp } = await import('sharp')
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  try {
    if (index >= doc.countPages()) throw new NotFoundError(`The copy has no page ${index}`)
    const page = doc.loadPage(index)
    try {
      const [x0, , x1] = page.getBounds()
      const scale = Math.min(2, WIDTH / Math.max(1, x1 - x0))
      const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true)
      try {
        // Raw pixels, not mupdf's PNG (design.md: much faster); stride may pad rows.
        const width = pix.getWidth()
        const height = pix.getHeight()
        const stride = pix.getStride()
        const src = pix.getPixels()
        const data = Buffer.alloc(width * height * 3)
        for (let y = 0; y < height; y++) data.set(src.subarray(y * stride, y * stride + width * 3), y * width * 3)
        return await sharp(data, { raw: { width, height, channels: 3 } }).jpeg({ quality: 70 }).toBuffer()
      } finally {
        pix.destroy()
      }
    } finally {
      page.destroy()
    }
  } finally {
    doc.destroy()
  }
}

/** GET /api/identification/copies/:id/pages/:page/image — page N (from 0) of the copy, for the desk's page panel. Admins only. */
export const pageImageEndpoint: Endpoint = {
  path: '/identification/copies/:id/pages/:page/image',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const index = Number(req.routeParams?.page)
    if (!Number.isInteger(index) || index < 0) throw new BadRequestError('The page must be a number from 0')
    const copy = await req.payload.findByID({ collection: 'copies', id: routeId(req), depth: 0, overrideAccess: true, req }).catch(() => undefined)
    if (!copy) throw new NotFoundError(`Copy ${routeId(req)} does not exist`)
    const mediaId = idOf(copy.pdf)
    if (mediaId === undefined) throw new NotFoundError(`Copy ${copy.anonymousId} has no PDF yet`)
    const media = await req.payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true, req })
    const jpeg = await renderCopyPage({ bytes: await readUpload({ payload: req.payload, collection: 'media', doc: media }), index })
    // The desk adds the PDF's file name to the URL, so a rebuilt copy gets a new URL: caching is safe.
    return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=3600' } })
  }),
}
