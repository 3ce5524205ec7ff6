import { ask, createWarmPool } from '../../../../plugins/scan-pipeline/lib/pool/warmPool'

const entry = new URL('./echo-worker.mjs', import.meta.url)
const echo = (worker: Parameters<typeof ask>[0]['worker'], n: number) => ask<{ n: number }>({ worker, message: { n }, matches: (reply) => reply.n === n, timeoutMs: 10_000 })

describe('warm worker pool', () => {
  it('reuses an idle worker', async () => {
    const pool = createWarmPool({ entry, max: 1, idleMs: 5_000 })
    const first = await pool.acquire()
    pool.release(first)
    const second = await pool.acquire()
    expect(second).toBe(first)
    expect(await echo(second, 1)).toEqual({ kind: 'reply', message: { n: 1 } })
    pool.retire(second)
  })

  it('never hands out a worker whose idle time ran out, even while it is still stopping', async () => {
    const idleMs = 200
    const pool = createWarmPool({ entry, max: 1, idleMs })
    const first = await pool.acquire()
    pool.release(first)
    // Same delay, set after the pool's own timer: runs right after the pool started terminating the worker,
    // before the worker's exit. A batch starting at that moment got the dying worker and failed.
    const next = await new Promise<Awaited<ReturnType<typeof pool.acquire>>>((resolve, reject) => setTimeout(() => pool.acquire().then(resolve, reject), idleMs))
    expect(next).not.toBe(first)
    expect(await echo(next, 2)).toEqual({ kind: 'reply', message: { n: 2 } })
    pool.retire(next)
  })

  it('drain stops the idle workers at once and leaves the ones in use working', async () => {
    // An idle time far beyond the test: only drain can stop the idle one.
    const pool = createWarmPool({ entry, max: 2, idleMs: 600_000 })
    const [resting, busy] = [await pool.acquire(), await pool.acquire()]
    pool.release(resting)
    const stopped = new Promise<number>((resolve) => resting.once('exit', resolve))
    pool.drain()
    await stopped
    expect(await echo(busy, 3)).toEqual({ kind: 'reply', message: { n: 3 } })
    // The stopped worker is never handed out again: the next one is new and answers.
    const next = await pool.acquire()
    expect(next).not.toBe(resting)
    expect(await echo(next, 4)).toEqual({ kind: 'reply', message: { n: 4 } })
    pool.retire(busy)
    pool.retire(next)
  })
})
