import type { Server } from 'node:http'

import { bootRuntime, stopOnSignals } from './runtime/boot'
import { config } from './runtime/config'
import { createHttpApp, type NextHandler } from './runtime/http-app'
import { listen } from './runtime/listen'
import { logger } from './runtime/logger'
import { projectRoot } from './runtime/paths'

const { PORT: port, HOST: host } = config()
const withAdmin = config().KORRIGO_ADMIN === 'on'
const processJobs = config().KORRIGO_WORKER === 'in-process'

/** Next serves the Payload admin; it must be prepared after Payload so both share one instance and pool. */
const prepareNext = async (): Promise<{ handler: NextHandler; close: () => Promise<void> } | undefined> => {
  if (!withAdmin) return undefined
  const { default: next } = await import('next')
  const dev = config().NODE_ENV !== 'production'
  const app = next({ dev, dir: projectRoot, hostname: 'localhost', port })
  await app.prepare()
  const handle = app.getRequestHandler()
  return { handler: (req, res) => handle(req, res), close: () => app.close() }
}

const runtime = await bootRuntime({ name: `app-${process.pid}`, processJobs })
const nextApp = await prepareNext()
const app = await createHttpApp({ runtime, nextHandler: nextApp?.handler })

const server: Server = listen({ app, port, host, onListening: () => {
  const url = `http://localhost:${port}`
  logger.info({ url }, 'Korrigo is running')
  process.stdout.write(`\nKorrigo is running at ${url}\n  admin:  ${url}/admin\n  portal: ${url}/portal/\n  health: ${url}/api/health/ready\n\n`)
} })

stopOnSignals(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeAllConnections()
  await nextApp?.close().catch(() => undefined)
  await runtime.stop()
})
