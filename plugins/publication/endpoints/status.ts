import type { Endpoint, Payload, Where } from 'payload'

import { type Id } from '../../../collections/access/roles'
import { NotFoundError } from '../../../runtime/errors'
import { withErrors } from '../../../runtime/with-errors'
import { isMailConfigured } from '../services/mail'
import { routeId } from '../../kit/routeId'
import { requireAdmin } from '../../kit/access'

export type PublicationStatus = {
  exam: Id
  title: string
  status: string
  publishedAt: string | null
  publishAt: string | null
  copies: { total: number; finalized: number; published: number; notified: number }
  mailConfigured: boolean
}

const countCopies = async ({ payload, examId, where }: { payload: Payload; examId: Id; where?: Where }) =>
  (await payload.count({ collection: 'copies', overrideAccess: true, where: { and: [{ exam: { equals: examId } }, ...(where ? [where] : [])] } })).totalDocs

/**
 * GET /api/publication/exams/:id/status — admins only: what the exam's publication tab shows (copies
 * finalized, published, students told; published or scheduled), counted on the server so the numbers
 * are those of every copy, not of one page of them.
 */
export const publicationStatusEndpoint: Endpoint = {
  path: '/publication/exams/:id/status',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req, 'Only admins can see an exam’s publication')
    const examId = routeId(req)
    const exam = await req.payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
    const payload = req.payload
    const [total, finalized, published, notified] = await Promise.all([
      countCopies({ payload, examId: exam.id }),
      countCopies({ payload, examId: exam.id, where: { status: { equals: 'finalized' } } }),
      countCopies({ payload, examId: exam.id, where: { publishedAt: { exists: true } } }),
      countCopies({ payload, examId: exam.id, where: { notifiedAt: { exists: true } } }),
    ])
    const dates = exam as { publishedAt?: string | null; publishAt?: string | null }
    const body: PublicationStatus = {
      exam: exam.id,
      title: exam.title,
      status: String(exam.status ?? ''),
      publishedAt: dates.publishedAt ?? null,
      publishAt: dates.publishAt ?? null,
      copies: { total, finalized, published, notified },
      mailConfigured: isMailConfigured(payload),
    }
    return Response.json(body, { headers: { 'cache-control': 'no-store' } })
  }),
}
