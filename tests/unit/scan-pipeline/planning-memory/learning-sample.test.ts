import { processScan } from '../../../../plugins/scan-pipeline/lib/index'
import { planCopies } from '../../../../plugins/scan-pipeline/lib/segment/planCopies'
import { unpackMask, type PackedMask } from '../../../../plugins/scan-pipeline/lib/template/mask'
import { getBatch } from '../../../../tools/papers/index'

// Issue 16: a big batch's first page is learned from runs of consecutive sheets spread over it, not from every
// sheet (2,000 pages: 20 s and memory growing with the batch). Played small: a class learned from 40 of its 77
// sheets, in four runs of 10, must cut exactly as the class learned whole — and as the truth.
it('cuts a class learned from four runs of its sheets exactly as learned from all of them', async () => {
  const { bytes, truth } = await getBatch('a4-class')
  const { analyses } = await processScan({ bytes, fileName: 'a4-class.pdf' })
  const plan = (learnFrom: number) => planCopies({ analyses, fileName: 'a4-class.pdf', learnFrom })
  const cuts = (p: ReturnType<typeof plan>) => p.copies.map((copy) => copy.pages.map((page) => [page.sourcePage, page.region, page.rotation]))
  const whole = plan(Number.POSITIVE_INFINITY)
  const sampled = plan(40)
  expect(cuts(whole)).toEqual(truth.copies.map((copy) => copy.pages.map((p) => [p.source_page, p.region, p.rotation])))
  expect(cuts(sampled)).toEqual(cuts(whole))
  // Both cut on a first page learned from the batch, and it is much the same print (the framed header's).
  expect([whole.model.boundary, sampled.model.boundary]).toEqual(['learned-template', 'learned-template'])
  const [a, b] = [whole, sampled].map((p) => unpackMask(p.model.firstPage as PackedMask).data)
  let both = 0
  let either = 0
  for (let i = 0; i < a!.length; i++) {
    both += a![i]! & b![i]!
    either += a![i]! | b![i]!
  }
  // (0.76 here: a consensus over other pages moves at its edges; learned from 4 runs of 2 sheets, 0.57)
  expect(both / either).toBeGreaterThan(0.7)
}, 300_000)
