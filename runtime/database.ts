import path from 'node:path'

import pg from 'pg'

import { config } from './config'
import { databaseKindOf, type DatabaseKind } from './database-url'
import { runningPostgresOn, startEmbeddedPostgres } from './embedded-postgres'
import { logger } from './logger'
import { dataDir } from './paths'

export type ResolvedDatabase = { url: string; kind: DatabaseKind; stop?: () => Promise<void> }

const embeddedPort = (): number => config().KORRIGO_PG_PORT
export const embeddedUrl = (port = embeddedPort()): string => `postgres://postgres:korrigo@127.0.0.1:${port}/korrigo`

/** How long a running embedded server that does not answer yet is waited for before it is taken for a hung one. */
const BUSY_SERVER_WAIT_MS = 60_000

const canConnect = async (url: string, timeoutMs = 1500): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

/**
 * DATABASE_URL set: use it. Unset: use the embedded PostgreSQL — the one another Korrigo process
 * (the app or a worker) already runs on this machine, or start it and own its lifecycle.
 */
export const resolveDatabase = async (): Promise<ResolvedDatabase> => {
  const url = config().DATABASE_URL
  const kind = databaseKindOf(url)
  if (url) return { url, kind }
  const shared = embeddedUrl()
  if (await canConnect(shared)) {
    logger.info('Using the embedded PostgreSQL already started by another Korrigo process')
    return { url: shared, kind }
  }
  const dataDirectory = config().KORRIGO_PG_DIR ?? path.join(dataDir(), 'pg')
  // Running on our folder but slow to answer (a busy machine): another process's database, waited for. Taken
  // for an orphan, it was stopped and replaced under the app that runs it.
  const running = runningPostgresOn(dataDirectory)
  if (running !== undefined) {
    logger.info({ pid: running }, 'The embedded PostgreSQL is running but slow to answer: waiting for it')
    for (const started = Date.now(); Date.now() - started < BUSY_SERVER_WAIT_MS && runningPostgresOn(dataDirectory) === running; ) {
      if (await canConnect(shared, 10_000)) {
        logger.info('Using the embedded PostgreSQL already started by another Korrigo process')
        return { url: shared, kind }
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  const started = await startEmbeddedPostgres({ dataDir: dataDirectory, port: embeddedPort() })
  logger.info({ dataDir: started.dataDir, port: embeddedPort() }, 'Embedded PostgreSQL started')
  return { url: started.url, kind, stop: started.stop }
}
