import { randomBytes } from 'node:crypto'

import pg from 'pg'

/** The machine's PostgreSQL; each test file gets a throwaway database, dropped afterwards. */
const adminUrl = () => process.env.KORRIGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const withClient = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> }

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `korrigo_test_${process.pid}_${randomBytes(3).toString('hex')}`
  await withClient((client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () =>
      withClient(async (client) => {
        // Connections still open are the test's own, closing: give them a moment before forcing them out.
        for (let attempt = 0; attempt < 10; attempt++) {
          const open = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
          if (open.rows[0].n === 0) break
          await new Promise((resolve) => setTimeout(resolve, 300))
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      }),
  }
}
