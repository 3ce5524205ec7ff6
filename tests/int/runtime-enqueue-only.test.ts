import pg from 'pg'

import { createAgenda } from '../../jobs/agenda'
import { startTestApp } from './helpers/app'
import { createTestDatabase } from './helpers/database'

// A process that only enqueues (a CLI, a web node next to `npm run worker`) never starts Agenda's processing:
// no LISTEN connection waiting for new jobs, no polling for due ones. It must still let go of its database
// connections when it stops, or the database going away crashes it. What the server sees is the proof.

const adminUrl = process.env.KORRIGO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

type Connection = { pid: number; query: string }

/** The connections to the test database as PostgreSQL lists them, with each one's last statement. */
const connectionsTo = async (database: string): Promise<Connection[]> => {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rows } = await client.query<Connection>('SELECT pid, query FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database])
    return rows
  } finally {
    await client.end()
  }
}

const listening = (connections: Connection[]) => connections.filter((c) => /^\s*LISTEN\b/i.test(c.query))
const polling = (connections: Connection[]) => connections.filter((c) => /SKIP LOCKED/i.test(c.query))
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
  let value = await read()
  for (let i = 0; i < 40 && !done(value); i++) {
    await wait(250)
    value = await read()
  }
  return value
}

describe('an app that does not process jobs', () => {
  it('never listens or polls for jobs, and leaves no connection behind when it stops', async () => {
    const app = await startTestApp({ processJobs: false })
    try {
      await app.runtime.agenda.now('cleanup-old-files', {})
      // Longer than Agenda's processEvery (5 s): a processing Agenda would have polled by now.
      await wait(6_000)
      const idle = await connectionsTo(app.database.name)
      expect(idle.length).toBeGreaterThan(0) // Payload's pool is there: the probe sees this database
      expect(listening(idle)).toEqual([])
      expect(polling(idle)).toEqual([])
      // Queued for a worker, not run here.
      const queued = await app.runtime.agenda.queryJobs({ name: 'cleanup-old-files' })
      expect(queued.jobs.map((job) => job.lastFinishedAt ?? null)).toEqual([null])
    } finally {
      await app.runtime.stop()
    }
    // Stopped: nothing of this process is connected any more (checked before close() drops the database).
    expect(await waitFor(() => connectionsTo(app.database.name), (left) => left.length === 0)).toEqual([])
    await app.close()
  })

  it('(the probe tells: an Agenda that processes jobs listens for them)', async () => {
    const database = await createTestDatabase()
    const agenda = await createAgenda({ url: database.url, name: 'probe-control' })
    try {
      await agenda.start()
      const seen = await waitFor(() => connectionsTo(database.name), (connections) => listening(connections).length > 0)
      expect(listening(seen).length).toBeGreaterThan(0)
    } finally {
      await agenda.stop()
      await database.drop()
    }
  })
})
