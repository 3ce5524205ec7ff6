import path from 'node:path'

import pg from 'pg'

import { config } from './config'
import { databaseKindOf, type DatabaseKind } from './database-url'
import { startEmbeddedPostgres } from './embedded-postgres'
import { logger } from './logger'
import { dataDir } from './paths'

export type ResolvedDatabase = { url: string; kind: DatabaseKind; stop?: () => Promise<void> }

const embeddedPort = (): number => config().KORRIGO_PG_PORT
export const embeddedUrl = (port = embeddedPort()): string => `postgres://postgres:korrigo@127.0.0.1:${port}/korrigo`

const canConnect = async (url: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 })
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
  const started = await startEmbeddedPostgres({ dataDir: dataDirectory, port: embeddedPort() })
  logger.info({ dataDir: started.dataDir, port: embeddedPort() }, 'Embedded PostgreSQL started')
  return { url: started.url, kind, stop: started.stop }
}
