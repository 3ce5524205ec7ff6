import { LockBusyError, withLock, withLockIfFree } from '../../locks/withLock'
import { startTestApp, type TestApp } from './helpers/app'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
})
afterAll(async () => {
  await app?.close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('named locks in the database', () => {
  it('runs holders of one key one after the other, other keys alongside, and releases on failure', async () => {
    const payload = app.runtime.payload
    const events: string[] = []
    const job = (key: string, name: string, ms: number) =>
      withLock({
        payload,
        key,
        work: async () => {
          events.push(`${name}+`)
          await sleep(ms)
          events.push(`${name}-`)
        },
      })
    await Promise.all([job('exam-copies:1', 'a', 300), sleep(20).then(() => job('exam-copies:1', 'b', 50)), sleep(40).then(() => job('exam-copies:2', 'c', 50))])
    // c (another exam) ran while a held its lock; b waited for a.
    expect(events.indexOf('c+')).toBeLessThan(events.indexOf('a-'))
    expect(events.indexOf('b+')).toBeGreaterThan(events.indexOf('a-'))

    await expect(withLock({ payload, key: 'exam-copies:1', work: async () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom')
    const left = await payload.find({ collection: 'locks', where: { key: { equals: 'exam-copies:1' } }, overrideAccess: true })
    expect(left.docs).toEqual([])
  })

  it('says busy after waiting, and takes over a lock whose holder died', async () => {
    const payload = app.runtime.payload
    let release!: () => void
    const held = withLock({ payload, key: 'exam-copies:3', work: () => new Promise<void>((resolve) => (release = resolve)) })
    await sleep(100)
    const busy = await withLock({ payload, key: 'exam-copies:3', waitMs: 300, work: async () => 'never' }).catch((e: unknown) => e)
    expect(busy).toBeInstanceOf(LockBusyError)
    expect(busy).toMatchObject({ status: 409 })
    release()
    await held

    await payload.create({ collection: 'locks', data: { key: 'exam-copies:4', holder: 'a crashed worker', expiresAt: new Date(Date.now() - 1000).toISOString() }, overrideAccess: true })
    expect(await withLock({ payload, key: 'exam-copies:4', waitMs: 2000, work: async () => 'taken over' })).toBe('taken over')
  })

  it('is out of reach of the API', async () => {
    const response = await fetch(`${app.baseUrl}/api/locks`)
    expect(response.status).toBe(403)
  })

  it('claims shared work without waiting: busy while another holds it, the work done once it is free', async () => {
    const payload = app.runtime.payload
    let release!: () => void
    let holding!: () => void
    const holds = new Promise<void>((resolve) => (holding = resolve))
    const held = withLock({ payload, key: 'scan-slice:9:1', work: () => new Promise<void>((resolve) => ((release = resolve), holding())) })
    await holds
    const started = Date.now()
    expect(await withLockIfFree({ payload, key: 'scan-slice:9:1', work: async () => 'mine' })).toEqual({ busy: true })
    expect(Date.now() - started).toBeLessThan(5_000)
    release()
    await held
    expect(await withLockIfFree({ payload, key: 'scan-slice:9:1', work: async () => 'mine' })).toEqual({ busy: false, value: 'mine' })
    await expect(withLockIfFree({ payload, key: 'scan-slice:9:2', work: async () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom')
    // A lock the work itself could not get is the work's failure, not a busy claim.
    await expect(withLockIfFree({ payload, key: 'scan-slice:9:3', work: async () => Promise.reject(new LockBusyError('exam-copies:9', 60_000)) })).rejects.toThrow(/exam-copies:9/)
  })
})
