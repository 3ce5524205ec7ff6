import type { Endpoint } from 'payload'

import { jobsOf } from '../../../jobs/define-job'
import { enqueue } from '../../../jobs/queue'
import { BadRequestError, NotFoundError } from '../../../runtime/errors'
import { requireAdmin } from '../../kit/access'
import { readObject } from '../../kit/body'

/** POST /api/korrigo/jobs/:name — an admin runs any declared job now (the data is checked by the job). */
export const enqueueJobEndpoint: Endpoint = {
  path: '/korrigo/jobs/:name',
  method: 'post',
  handler: async (req) => {
    requireAdmin(req, 'Only admins can run jobs')
    const name = String(req.routeParams?.name ?? '')
    const definition = jobsOf(req.payload.config).find((job) => job.name === name)
    if (!definition) throw new NotFoundError(`No job named "${name}"`)
    const body = await readObject(req)
    let data: unknown
    try {
      data = definition.parse(body)
    } catch (error) {
      throw new BadRequestError((error as Error).message)
    }
    const job = await enqueue({ name, data: data as Record<string, unknown> })
    return Response.json({ id: String(job.attrs._id), name }, { status: 202 })
  },
}
