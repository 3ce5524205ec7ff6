import type { Payload } from 'payload'
import pg from 'pg'

import { migrations } from '../migrations'
import { isPostgres, type DatabaseKind } from './database-url'
import { logger } from './logger'

const MIGRATION_LOCK = 7_426_001

/**
 * Applies the committed migrations on start. The app and a worker may start together: a session-level
 * advisory lock makes the second one wait and then find nothing left to do.
 */
export const runMigrations = async ({ payload, kind, url }: { payload: Payload; kind: DatabaseKind; url: string }): Promise<void> => {
  if (!isPostgres(kind)) return
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => undefined)
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await payload.db.migrate({ migrations: migrations as never })
    logger.debug('Migrations applied')
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    await client.end()
  }
}
