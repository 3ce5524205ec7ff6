import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { Runtime } from '../../../runtime/boot'
import { createTestDatabase, type TestDatabase } from './database'

export type TestApp = {
  runtime: Runtime
  baseUrl: string
  dataDir: string
  database: TestDatabase
  close: () => Promise<void>
}

/**
 * The real app, in-process: a fresh PostgreSQL database, the committed migrations, Agenda on the same
 * database, the Express app on a free port. Only the Next admin is left out (tests/e2e covers it).
 */
export const startTestApp = async ({
  processJobs = true,
  jobs,
  env = {},
}: {
  processJobs?: boolean
  /** only these jobs run (KORRIGO_JOBS): a test of ingestion need not pay for identification's OCR */
  jobs?: string[]
  /** more configuration for this app (e.g. KORRIGO_S3_*), put back as it was when the app closes */
  env?: Record<string, string>
} = {}): Promise<TestApp> => {
  const database = await createTestDatabase()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-int-'))
  process.env.DATABASE_URL = database.url
  process.env.KORRIGO_DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET = 'test-secret-not-for-production'
  // A test closes the app right after its last request: let background jobs (OCR) finish first.
  process.env.KORRIGO_DRAIN_MS = process.env.KORRIGO_DRAIN_MS ?? '300000'
  if (jobs) process.env.KORRIGO_JOBS = jobs.join(',')
  else delete process.env.KORRIGO_JOBS
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]))
  Object.assign(process.env, env)
  // The configuration is read once per module registry (one per test file): read it again for this app.
  ;(await import('../../../runtime/config')).resetConfig()
  const { bootRuntime } = await import('../../../runtime/boot')
  const { createHttpApp } = await import('../../../runtime/http-app')
  const { listen } = await import('../../../runtime/listen')
  const runtime = await bootRuntime({ name: `test-${process.pid}`, processJobs })
  const app = await createHttpApp({ runtime })
  const server = listen({ app, port: 0, host: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return {
    runtime,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    database,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await runtime.stop()
      await database.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    },
  }
}
