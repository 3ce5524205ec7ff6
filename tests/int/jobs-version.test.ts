import { createAgenda, defineJobs } from '../../jobs/agenda'
import { enqueue } from '../../jobs/queue'
import { JOB_VERSION_KEY } from '../../jobs/versions'
import { useSeededApp } from './helpers/seededApp'

// Issue 14, point 7: a job's version is stamped when it is queued and checked when it runs.
const ctx = useSeededApp()

const settled = async (id: unknown) => {
  for (let i = 0; i < 120; i++) {
    const job = (await ctx.app.runtime.agenda.queryJobs({ id: String(id), limit: 1 })).jobs[0]
    if (job && (job.state === 'completed' || job.state === 'failed')) return job
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`job ${String(id)} did not run`)
}

describe('job versions', () => {
  it('stamps the definition’s version on what it queues, runs it, and refuses data queued for another version', async () => {
    const current = await enqueue({ name: 'cleanup-old-files', data: { olderThanHours: 1000 } })
    expect(current.attrs.data).toMatchObject({ olderThanHours: 1000, [JOB_VERSION_KEY]: 1 })
    expect((await settled(current.attrs._id)).state).toBe('completed')

    // Data left in the queue by another version of the code: it fails, saying why and what to do.
    const stale = ctx.app.runtime.agenda.create('cleanup-old-files', { olderThanHours: 1000, [JOB_VERSION_KEY]: 0 })
    await stale.save()
    const failed = await settled(stale.attrs._id)
    expect(failed.state).toBe('failed')
    expect(failed.failReason).toMatch(/queued for version 0 of its definition, this worker runs version 1: queue it again/)
  })
})

describe('KORRIGO_JOBS', () => {
  it('defines only the jobs named for this process, and refuses a name no job has', async () => {
    const agenda = await createAgenda({ url: ctx.app.database.url, name: 'only-cleanup' })
    try {
      const payload = ctx.app.runtime.payload
      expect(await defineJobs({ agenda, payload, schedule: false, only: ['cleanup-old-files'] })).toEqual(['cleanup-old-files'])
      expect(Object.keys(agenda.definitions)).toEqual(['cleanup-old-files'])
      await expect(defineJobs({ agenda, payload, schedule: false, only: ['cleanup-old-files', 'ocr-everything'] })).rejects.toThrow(/KORRIGO_JOBS names no job called "ocr-everything": the jobs are .*identify-exam/)
    } finally {
      const connected = agenda as unknown as { ready?: Promise<void>; backend?: { disconnect?: () => Promise<void> } }
      await connected.ready
      await connected.backend?.disconnect?.()
    }
  })
})
