import type { Endpoint, PayloadRequest } from 'payload'

import { withErrors } from '../../../runtime/with-errors'
import { batchReport } from '../services/batchReport'
import { confirmStart } from '../services/confirmStart'
import { recutBatch, recutExam } from '../services/recut'
import { routeId } from '../../kit/routeId'
import { requireAdmin as requireAdminOf } from '../../kit/access'

/** How a batch was cut shows the copies' pages and students: admins only (401 signed out, 403 teachers). */
const requireAdmin = (req: PayloadRequest): void => requireAdminOf(req, 'Cutting scan batches into copies is for admins only')


/** GET /api/scan-pipeline/batches/:id/report — each copy of the batch, what decided its start, how sure. */
export const batchReportEndpoint: Endpoint = {
  path: '/scan-pipeline/batches/:id/report',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    return Response.json(await batchReport({ payload: req.payload, req, batchId: routeId(req) }))
  }),
}

/** POST /api/scan-pipeline/batches/:id/recut — cut the batch again with the exam's subject and pages per copy (409 naming the copies that prevent it). */
export const recutBatchEndpoint: Endpoint = {
  path: '/scan-pipeline/batches/:id/recut',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    return Response.json(await recutBatch({ payload: req.payload, req, batchId: routeId(req) }))
  }),
}

/** POST /api/scan-pipeline/exams/:id/recut — every batch of the exam cut again, or none. */
export const recutExamEndpoint: Endpoint = {
  path: '/scan-pipeline/exams/:id/recut',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    return Response.json({ batches: await recutExam({ payload: req.payload, req, examId: routeId(req) }) })
  }),
}

/** POST /api/scan-pipeline/copies/:id/confirm-start — a person confirms where a copy starts (logged). */
export const confirmStartEndpoint: Endpoint = {
  path: '/scan-pipeline/copies/:id/confirm-start',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const copy = await confirmStart({ payload: req.payload, req, copyId: routeId(req) })
    return Response.json({ copy: { id: copy.id, anonymousId: copy.anonymousId, segmentation: copy.segmentation } })
  }),
}

export const segmentationEndpoints = [batchReportEndpoint, recutBatchEndpoint, recutExamEndpoint, confirmStartEndpoint]
