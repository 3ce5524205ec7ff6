import { startTestApp } from './helpers/app'

// A process that only enqueues (a CLI, a web node next to `npm run worker`) never starts Agenda; it must
// still let go of its database connection when it stops, or the database going away crashes it.
describe('an app that does not process jobs', () => {
  it('stops without leaving a connection behind', async () => {
    const app = await startTestApp({ processJobs: false })
    await app.runtime.agenda.now('cleanup-old-files', {})
    // Queued for a worker, not run here.
    const queued = await app.runtime.agenda.queryJobs({ name: 'cleanup-old-files' })
    expect(queued.jobs.map((job) => job.lastFinishedAt ?? null)).toEqual([null])
    await app.close()
    // close() drops the test database: a connection left open errors out here and fails this file.
    await new Promise((resolve) => setTimeout(resolve, 1500))
  })
})
