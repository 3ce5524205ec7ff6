import type { Endpoint, PayloadRequest } from 'payload'

import { BadRequestError } from '../../../runtime/errors'
import { withErrors } from '../../../runtime/with-errors'
import { routeId } from '../../kit/routeId'
import type { BookletLayout } from '../lib/booklets/printBooklets'
import { printExamBooklets } from '../services/booklets/printExamBooklets'
import { requireAdmin as requireAdminOf } from '../../kit/access'

const requireAdmin = (req: PayloadRequest): void => requireAdminOf(req, 'Printing booklets (they carry the students’ names) is for admins only')

const query = (req: PayloadRequest, name: string): string | undefined => {
  const value = new URL(req.url ?? 'http://x').searchParams.get(name)
  return value === null || value === '' ? undefined : value
}

/**
 * GET /api/exams/:id/booklets.pdf?layout=a4|a3&blank=N — the exam's prepared booklets, print-ready: one
 * per student of its class (name printed) plus N blank ones, a QR code on every page. Admins only.
 */
export const bookletsEndpoint: Endpoint = {
  path: '/:id/booklets.pdf',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const blankText = query(req, 'blank') ?? '0'
    if (!/^\d+$/.test(blankText)) throw new BadRequestError(`blank must be a whole number of booklets, got ${JSON.stringify(blankText)}`)
    const { pdf, fileName } = await printExamBooklets({
      payload: req.payload,
      req,
      examId: routeId(req),
      layout: (query(req, 'layout') ?? 'a4') as BookletLayout,
      blank: Number(blankText),
    })
    return new Response(pdf as unknown as BodyInit, {
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
    })
  }),
}
