import { analyzePages } from '../../../plugins/scan-pipeline/lib/index.js'
import { getBatch } from '../../fixtures/scans/index.js'

// first run builds the fixtures (cached afterwards); allow for a busy machine
beforeAll(async () => {
  await getBatch('a4-mini')
}, 600_000)

describe('analyzePages (worker pool)', () => {
  it('gives the same results on two workers as in the calling thread, reporting progress', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const seen: number[] = []
    const pooled = await analyzePages({ bytes, fileName: 'mini.pdf', layout: 'a4', concurrency: 2, onProgress: (e) => seen.push(e.done) })
    const inline = await analyzePages({ bytes, fileName: 'mini.pdf', layout: 'a4', concurrency: 0 })
    expect(pooled).toEqual(inline)
    expect(pooled.map((a) => a.sourcePage)).toEqual(Array.from({ length: truth.pageCount }, (_, i) => i + 1))
    expect(seen).toEqual(Array.from({ length: truth.pageCount }, (_, i) => i + 1))
    expect(pooled.every((a) => !a.error)).toBe(true)
  })

  it('analyses only the requested pages, so a job can resume', async () => {
    const { bytes } = await getBatch('a4-mini')
    const part = await analyzePages({ bytes, fileName: 'mini.pdf', pages: [3, 5], concurrency: 1 })
    expect(part.map((a) => a.sourcePage)).toEqual([3, 5])
  })

  it('records a page that takes too long and carries on with the rest', async () => {
    const { bytes } = await getBatch('a4-mini')
    const res = await analyzePages({ bytes, fileName: 'slow.pdf', pages: [1, 2], concurrency: 1, pageTimeoutMs: 1 })
    expect(res).toHaveLength(2)
    for (const a of res) expect(a.error?.message ?? '').toMatch(/slow\.pdf page \d: analysis took longer/)
  })
})
