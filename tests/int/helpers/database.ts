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
    drop: () => withClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  }
}
