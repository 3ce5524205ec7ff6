import { pino } from 'pino'

import { config } from './config'

/** One JSON logger for the server, the worker and the jobs. */
export const logger = pino({
  level: config().LOG_LEVEL ?? (config().NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { app: 'korrigo' },
})
