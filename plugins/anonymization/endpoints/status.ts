import type { Endpoint } from 'payload'

import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import { examZoneOf } from '../services/examZone'
import type { IdentityZone, ZoneBox } from '../lib/zones'
import { requireAdmin, routeId, withErrors } from './request'

export type AnonymizationStatus = {
  exam: string | number
  zone: ZoneBox | null
  counts: Record<'none' | 'pending' | 'done' | 'failed', number>
  /** Copies with a PDF but no zone at all: served as scanned, the admin should draw the exam's zone. */
  withoutZones: { id: string | number; anonymousId: string }[]
  /** A copy to draw the exam's zone on: its first page, with the zones it already has. */
  sample: { id: string | number; anonymousId: string; zones: IdentityZone[]; page: { width: number; height: number } | null } | null
  failed: { id: string | number; anonymousId: string; error: string }[]
}

/** GET /api/anonymization/exams/:id/status — where the exam's redaction stands (admins). */
export const statusEndpoint: Endpoint = {
  path: '/anonymization/exams/:id/status',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const id = routeId(req)
    const exam = await req.payload.findByID({ collection: 'exams', id, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!exam) throw new NotFoundError(`Exam ${id} does not exist`)
    const copies = await req.payload.find({ collection: 'copies', where: { exam: { equals: id } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, sort: 'anonymousId' })
    const counts = { none: 0, pending: 0, done: 0, failed: 0 }
    for (const c of copies.docs) counts[(c.redaction?.status ?? 'none') as keyof typeof counts]++
    const withPdf = copies.docs.filter((c) => idOf(c.pdf) !== undefined)
    const first = withPdf.find((c) => c.status !== 'staging') ?? withPdf[0]
    let page: { width: number; height: number } | null = null
    if (first) {
      const media = await req.payload.findByID({ collection: 'media', id: idOf(first.pdf)!, depth: 0, overrideAccess: true, req })
      const { readUpload } = await import('../../../storage/uploads')
      const mupdf = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'mupdf')
      const doc = mupdf.Document.openDocument(await readUpload({ payload: req.payload, collection: 'media', doc: media }), 'application/pdf')
      try {
        const p = doc.loadPage(0)
        const [x0, y0, x1, y1] = p.getBounds()
        p.destroy()
        page = { width: x1 - x0, height: y1 - y0 }
      } finally {
        doc.destroy()
      }
    }
    const body: AnonymizationStatus = {
      exam: exam.id,
      zone: examZoneOf(exam),
      counts,
      withoutZones: withPdf.filter((c) => !((c.identityZones ?? []) as IdentityZone[]).length).map((c) => ({ id: c.id, anonymousId: c.anonymousId ?? String(c.id) })),
      sample: first ? { id: first.id, anonymousId: first.anonymousId ?? String(first.id), zones: (first.identityZones ?? []) as IdentityZone[], page } : null,
      failed: copies.docs.filter((c) => c.redaction?.status === 'failed').map((c) => ({ id: c.id, anonymousId: c.anonymousId ?? String(c.id), error: c.redaction?.error ?? '' })),
    }
    return Response.json(body, { headers: { 'cache-control': 'no-store' } })
  }),
}
