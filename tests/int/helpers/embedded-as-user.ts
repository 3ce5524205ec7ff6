// Run by embedded-postgres.test.ts as an unprivileged user: starts the embedded PostgreSQL in the folder
// given, answers one query, stops, and prints where the data went.
import pg from 'pg'

import { startEmbeddedPostgres } from '../../../runtime/embedded-postgres'

const [dataDir, port] = process.argv.slice(2)

const main = async () => {
  const db = await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port) })
  try {
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const { rows } = await client.query('SELECT 1 AS ok')
    await client.end()
    process.stdout.write(`${JSON.stringify({ dataDir: db.dataDir, rows })}\n`)
  } finally {
    await db.stop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
