import { analyzePages, planCopies } from '../../../plugins/scan-pipeline/lib/index.js'
import { getBatch } from '../../fixtures/scans/index.js'
import { scoreCopies } from '../../fixtures/scans/score.js'

// Done criteria of the scan-ingestion issue, measured on generated classes with known truth;
// the harsh batches (dark paper, heavy grain, JPEG quality 25–45) probe beyond them.
describe.each([
  ['a3-class', 26],
  ['a4-class', 26],
  ['a3-harsh', 12],
  ['a4-harsh', 12],
] as const)('%s: %i copies', (name, expectedCopies) => {
  let batch: Awaited<ReturnType<typeof getBatch>>
  // building a batch the first time (no cache) can take a while on a busy machine
  beforeAll(async () => {
    batch = await getBatch(name)
  }, 900_000)

  it('≥ 99 % of copies have exactly the right pages in order, 100 % of pages the right rotation', async () => {
    const { bytes, truth } = batch
    const analyses = await analyzePages({ bytes, fileName: `${name}.pdf`, layout: 'auto', concurrency: 2 })
    const plan = planCopies({ analyses, fileName: `${name}.pdf` })
    const copies = plan.copies.map((c) => ({ pages: c.pages.map((p) => ({ source_page: p.sourcePage, region: p.region, rotation: p.rotation, blank: p.blank })) }))
    const score = scoreCopies({ truth, copies })
    expect(score.copies).toBe(expectedCopies)
    expect(score.wrong).toEqual([])
    expect(score.exactCopies / score.copies).toBeGreaterThanOrEqual(0.99)
    expect(score.rotationCorrect).toBe(score.pages)
    expect(score.blankCorrect).toBe(score.pages)
    expect(score.missingPages).toBe(0)
    // the batch really exercises the hard cases
    const truthPages = truth.copies.flatMap((c) => c.pages)
    expect(truthPages.some((p) => p.rotation === 180)).toBe(true)
    expect(truthPages.some((p) => p.blank)).toBe(true)
    expect(truth.copies.some((c) => c.student === null)).toBe(true)
  })
})
