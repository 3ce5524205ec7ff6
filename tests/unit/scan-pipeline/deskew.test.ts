import { analyzePages, openAssembler, planCopies } from '../../../plugins/scan-pipeline/lib/index'
import { getBatch } from '../../fixtures/scans/index'

/**
 * Stored copies are straightened by the skew measured at ingestion: measuring the assembled copy
 * again finds (almost) no skew left, while the same copy assembled without it keeps the tilt.
 */
it('stores pages straightened, without touching the scanned image', async () => {
  const { bytes } = await getBatch('a4-mini')
  const analyses = await analyzePages({ bytes, fileName: 'a4-mini.pdf', concurrency: 0 })
  const skew = new Map(analyses.map((a) => [a.sourcePage, a.skewDegrees]))
  const { copies } = planCopies({ analyses })
  const straight = await openAssembler({ sourceBytes: bytes, skewOf: (page) => skew.get(page) ?? 0 })
  const tilted = await openAssembler({ sourceBytes: bytes })

  let checked = 0
  for (const copy of copies) {
    const after = await analyzePages({ bytes: await straight.assemble(copy.pages), fileName: 'copy.pdf', concurrency: 0 })
    const before = await analyzePages({ bytes: await tilted.assemble(copy.pages), fileName: 'copy.pdf', concurrency: 0 })
    copy.pages.forEach((page, i) => {
      const measured = skew.get(page.sourcePage)!
      if (Math.abs(measured) < 0.5) return
      checked++
      expect(Math.abs(after[i]!.skewDegrees)).toBeLessThan(0.5)
      expect(Math.abs(before[i]!.skewDegrees)).toBeGreaterThan(Math.abs(after[i]!.skewDegrees))
    })
  }
  // the generator tilts sheets by up to ±2°: there must be something to straighten
  expect(checked).toBeGreaterThan(2)
}, 300_000)
