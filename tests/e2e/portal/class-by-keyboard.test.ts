import type { Browser } from 'playwright-core'

import { startTestApp, type TestApp } from '../../int/helpers/app'
import { ensurePortalBuilt, launchBrowser } from './browser'
import { expectedTotal, markShare, mean, quantile, seedMarkingDay } from './markClass'

/**
 * Issue 15, "done when": a generated class of 30 copies marked with rubrics, from the keyboard only, by two
 * teachers at once, each through their share (N, one key per item, ], Ctrl+Enter). Every copy ends finalized
 * with the total the server computed from its items, each teacher marked only their own copies, and no copy
 * was marked twice. `bench/portal.ts` runs the same script and prints its figures.
 */
let app: TestApp
let browser: Browser

beforeAll(async () => {
  ensurePortalBuilt()
  app = await startTestApp()
  browser = await launchBrowser()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
}, 120_000)

describe('a class of 30 marked from the keyboard by two teachers (issue 15)', () => {
  it('finalizes every copy with its rubric total, each teacher within their share', async () => {
    const payload = app.runtime.payload
    const seed = await seedMarkingDay({ payload, baseUrl: app.baseUrl, copies: 30 })
    const index = (anonymousId: string) => Number(anonymousId.replace('K-TEST', ''))

    const runs = await Promise.all((['alice', 'bob'] as const).map((who) => markShare({ browser, baseUrl: app.baseUrl, who, anonymousIndex: index })))

    const copies = (await payload.find({ collection: 'copies', where: { exam: { equals: seed.exam.id } }, depth: 0, pagination: false, overrideAccess: true })).docs as any[]
    expect(copies).toHaveLength(30)
    for (const copy of copies) {
      expect([copy.anonymousId, copy.status, copy.total]).toEqual([copy.anonymousId, 'finalized', expectedTotal(index(copy.anonymousId))])
    }
    const assignments = (await payload.find({ collection: 'assignments', where: { exam: { equals: seed.exam.id } }, depth: 0, pagination: false, overrideAccess: true })).docs as any[]
    for (const run of runs) {
      const user = run.who === 'alice' ? seed.alice : seed.bob
      const theirs = assignments.filter((a) => String(a.corrector) === String(user.id)).map((a) => String(a.copy))
      expect([...run.copies].sort()).toEqual([...theirs].sort())
    }
    expect(new Set(runs.flatMap((r) => r.copies)).size).toBe(30)
    expect(runs.map((r) => r.failures)).toEqual([0, 0])
    const keystrokes = runs.flatMap((r) => r.keystrokes)
    console.log(
      `30 copies, 2 teachers: ${mean(keystrokes).toFixed(1)} keys per copy, ${quantile(runs.flatMap((r) => r.copyMs), 0.5)} ms per copy (p50), saves p50 ${quantile(runs.flatMap((r) => r.saveMs), 0.5).toFixed(0)} ms / p99 ${quantile(runs.flatMap((r) => r.saveMs), 0.99).toFixed(0)} ms`,
    )
    // ], Ctrl+Enter and one or two items per question: at most 8 keys a copy.
    expect(Math.max(...keystrokes)).toBeLessThanOrEqual(8)
  }, 1_500_000)
})
