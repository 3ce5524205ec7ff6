import { bootRuntime, stopOnSignals } from '../runtime/boot'
import { logger } from '../runtime/logger'

/** `npm run worker`: a process that only runs jobs, next to an app started with KORRIGO_WORKER=external. */
const runtime = await bootRuntime({ name: `worker-${process.pid}`, processJobs: true })
logger.info({ jobs: runtime.jobNames }, 'Worker processing jobs')
process.stdout.write(`Korrigo worker running jobs: ${runtime.jobNames.join(', ')}\n`)
stopOnSignals(runtime.stop)
