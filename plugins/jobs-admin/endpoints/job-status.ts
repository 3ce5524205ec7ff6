import type { Endpoint } from 'payload'

import { getQueue } from '../../../jobs/queue'
import { NotFoundError } from '../../../runtime/errors'
import { requireAdmin } from '../../kit/access'

/** GET /api/korrigo/jobs/status/:id — state and progress of one job, for the admin and scripts. */
export const jobStatusEndpoint: Endpoint = {
  path: '/korrigo/jobs/status/:id',
  method: 'get',
  handler: async (req) => {
    requireAdmin(req, 'Only admins can read jobs')
    const id = String(req.routeParams?.id ?? '')
    const result = await getQueue()?.queryJobs({ id, limit: 1 })
    const job = result?.jobs[0]
    if (!job) throw new NotFoundError(`No job with id ${id}`)
    return Response.json({
      id,
      name: job.name,
      state: job.state,
      progress: job.progress ?? null,
      failReason: job.failReason ?? null,
      lastFinishedAt: job.lastFinishedAt ?? null,
      lastModifiedBy: job.lastModifiedBy ?? null,
    })
  },
}
