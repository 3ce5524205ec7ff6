import type { Config, Plugin } from 'payload'

import { enqueueJobEndpoint } from './endpoints/enqueue-job'
import { jobStatusEndpoint } from './endpoints/job-status'

/** Admin endpoints to run a declared job now and follow it; Agendash (/admin/jobs) shows the rest. */
export const jobsAdminPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    endpoints: [...(config.endpoints ?? []), enqueueJobEndpoint, jobStatusEndpoint],
  })
