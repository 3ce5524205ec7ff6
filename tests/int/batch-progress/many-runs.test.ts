import type { Payload } from 'payload'

import { ingestBatch } from '../../../plugins/scan-pipeline/services/ingestBatch'
import { scanSettingsFromEnv } from '../../../plugins/scan-pipeline/services/limits'
import { getBatch } from '../../fixtures/scans'
import { watchPayload } from '../helpers/payload-calls'
import { copiesOfExam, uploadBatch } from '../helpers/scans'
import { useSeededApp } from '../helpers/seededApp'

/**
 * Issue 16: a big batch is analysed and cut over many runs of its job (each lets other batches in). Every run
 * used to read every stored page's analysis back and plan the whole batch again, and to look each planned
 * copy up on its own: a run's cost and the worker's memory grew with the batch. Played here with the job's
 * own service, a slice of 4 pages and runs of 1 ms (one copy each), so a small batch takes many runs.
 */
// No job runs: the test calls the batch's service itself, run after run.
const ctx = useSeededApp({ processJobs: false })

/** Counts the reads a run makes through this Payload: whole analyses of a batch's pages, copy lookups by source key, file lookups. */
const countReads = (payload: Payload) => {
  const counts = { analyses: 0, copyLookups: 0, fileLookups: 0 }
  const restore = watchPayload({
    payload,
    method: 'find',
    seen: (args) => {
      if (args.collection === 'scan-pages' && !args.select) counts.analyses++
      if (args.collection === 'copies' && JSON.stringify(args.where ?? {}).includes('sourceKey')) counts.copyLookups++
      if (args.collection === 'media') counts.fileLookups++
    },
  })
  return { counts, restore }
}

describe('a batch processed over many runs', () => {
  it('comes out the same, reading its analyses once and its copies once a run', async () => {
    const { payload } = ctx.app.runtime
    const { bytes, truth } = await getBatch('a4-mini')
    const exam = await payload.create({ collection: 'exams', data: { title: 'Runs', layout: 'a4' } as never })
    const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'runs.pdf', bytes })
    const settings = { ...scanSettingsFromEnv(), slicePages: 4, sliceMs: 1 }

    const { counts, restore } = countReads(payload)
    const phases: string[] = []
    try {
      for (;;) {
        const lookups = counts.copyLookups
        const result = await ingestBatch({ payload, batchId: batch.id, progress: async () => undefined, settings })
        phases.push(counts.copyLookups > lookups ? 'assembly' : 'analysis')
        if (!result.more) break
      }
    } finally {
      restore()
    }

    // Several runs analysed, several assembled: the batch did take many runs.
    const assemblyRuns = phases.filter((phase) => phase === 'assembly').length
    expect(phases.filter((phase) => phase === 'analysis').length).toBeGreaterThanOrEqual(Math.ceil(truth.pageCount / 4) - 1)
    expect(assemblyRuns).toBeGreaterThanOrEqual(truth.copies.length)
    // Planned once for all the runs that cut copies, not once a run; copies looked up once a run.
    expect(counts.analyses).toBe(1)
    expect(counts.copyLookups).toBe(assemblyRuns)
    // Every copy was created by these runs: none can have a file a killed run stored, so none is looked for.
    expect(counts.fileLookups).toBe(0)

    // And the copies are the ones a single run makes.
    const copies = await copiesOfExam(payload, exam.id)
    expect(copies.map((copy) => copy.pages!.map((p: any) => [p.sourcePage, p.region, p.rotation]))).toEqual(
      truth.copies.map((copy) => copy.pages.map((p) => [p.source_page, p.region, p.rotation])),
    )
    expect(copies.every((copy) => copy.pdf && copy.thumbnail)).toBe(true)
    const done = await payload.findByID({ collection: 'scan-batches', id: batch.id, depth: 0, overrideAccess: true })
    expect(done.status).toBe('done')
    expect(done.progress).toMatchObject({ pagesDone: truth.pageCount, pagesTotal: truth.pageCount, copiesFound: truth.copies.length })
  }, 600_000)

  it('stops a batch whose first pages all fail, naming each of them, those of earlier runs too', async () => {
    const { payload } = ctx.app.runtime
    const { bytes, truth } = await getBatch('a4-mini')
    const exam = await payload.create({ collection: 'exams', data: { title: 'Failing runs', layout: 'a4' } as never })
    const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'failing.pdf', bytes })
    // Every page past its deadline at once; 2 pages a run, stopped once 3 have failed: the second run stops it.
    const defaults = scanSettingsFromEnv()
    const settings = { ...defaults, slicePages: 2, failFastPages: 3, limits: { ...defaults.limits, pageTimeoutMs: 1 } }
    expect(truth.pageCount).toBeGreaterThan(4)

    const first = await ingestBatch({ payload, batchId: batch.id, progress: async () => undefined, settings })
    expect(first).toMatchObject({ more: true, problems: [] })
    const second = await ingestBatch({ payload, batchId: batch.id, progress: async () => undefined, settings })
    expect(second.more).toBe(false)
    // The pages in any order: each run stores them as its worker threads finish them.
    const [stop, ...pages] = second.problems
    expect([[stop!.page, stop!.code], ...pages.map((p) => [p.page, p.code]).sort(([a], [b]) => Number(a) - Number(b))]).toEqual([
      [null, 'too_many_failed_pages'],
      [1, 'page_timeout'],
      [2, 'page_timeout'],
      [3, 'page_timeout'],
      [4, 'page_timeout'],
    ])
    expect(second.problems[0]!.message).toContain('failing.pdf: its first 4 pages all failed')
    const stopped = await payload.findByID({ collection: 'scan-batches', id: batch.id, depth: 0, overrideAccess: true })
    expect(stopped.status).toBe('failed')
  }, 600_000)
})
