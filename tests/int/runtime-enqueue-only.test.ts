import { PostgresBackend } from '@agendajs/postgres-backend'
import { Agenda } from 'agenda'
import pg from 'pg'

import { createAgenda } from '../../jobs/agenda'
import { startTestApp } from './helpers/app'
import { createTestDatabase } from './helpers/database'

// A process that only enqueues (a CLI, a web node next to `npm run worker`) never starts Agenda's processing:
// no polling for due jobs, nothing run here. It still tells the workers of each job it queues at once (Agenda's
// notification channel: one LISTEN connection that nothing acts on), and it lets go of every database connection
// when it stops, or the database going away crashes it. What the server sees is the proof.

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
  it('never polls or runs jobs, tells a worker of a new job at once, and leaves no connection behind when it stops', async () => {
    const app = await startTestApp({ processJobs: false })
    // A worker that polls once an hour: it can only hear of the job through the app's notification.
    const worker = new Agenda({ backend: new PostgresBackend({ connectionString: app.database.url, tableName: 'agenda_jobs' }), name: 'probe-worker', processEvery: '1 hour' })
    const ran: string[] = []
    worker.define('cleanup-old-files', async () => void ran.push('cleanup-old-files'))
    try {
      await worker.start()
      // Its first poll, at start, found nothing: whatever it runs now it was told of.
      await wait(500)
      expect(ran).toEqual([])
      await app.runtime.agenda.now('cleanup-old-files', {})
      await waitFor(async () => ran.length, (n) => n > 0)
      expect(ran).toEqual(['cleanup-old-files'])
      await worker.stop()
      // Longer than Agenda's processEvery (5 s): a processing Agenda would have polled by now.
      await app.runtime.agenda.now('cleanup-old-files', {})
      await wait(6_000)
      const idle = await connectionsTo(app.database.name)
      expect(idle.length).toBeGreaterThan(0) // Payload's pool is there: the probe sees this database
      expect(polling(idle)).toEqual([])
      // The first job run by the worker, the second queued for a worker, not run here.
      const queued = await app.runtime.agenda.queryJobs({ name: 'cleanup-old-files' })
      expect(queued.jobs.map((job) => Boolean(job.lastFinishedAt)).sort()).toEqual([false, true])
    } finally {
      await worker.stop().catch(() => undefined)
      await app.runtime.stop()
    }
    // Stopped: nothing of this process is connected any more, its notification channel included (checked before
    // close() drops the database).
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
