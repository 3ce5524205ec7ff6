import { pino } from 'pino'

/** One JSON logger for the server, the worker and the jobs. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { app: 'korrigo' },
})
