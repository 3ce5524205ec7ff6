import { DEFAULT_SCAN_LIMITS } from '../../../plugins/scan-pipeline/lib/index'
import { judgePdf } from '../../fixtures/hostile/judgePdf'
import { hostilePdfs } from '../../fixtures/hostile/pdfs'

// Shorter page deadline than production (20 s) so the corpus runs in minutes; the deadline mechanism is the
// same. Not much shorter: an A0 page at the size limit must still be analysed on a slow machine under the
// suite's load (6 s was missed there).
const limits = { ...DEFAULT_SCAN_LIMITS, pageTimeoutMs: 15_000 }
const corpus = hostilePdfs()
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test('the corpus is large and varied', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(200)
  expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length)
  expect(new Set(corpus.map((c) => c.group)).size).toBeGreaterThanOrEqual(15)
})

describe.each(corpus.map((item) => [item.name, item] as const))('%s', (name, item) => {
  test(`${item.group}: ${item.expect.outcome}`, async () => {
    const verdict = await judgePdf({ bytes: await item.bytes(), fileName: name, limits })
    const expected = item.expect
    if (expected.outcome !== 'any') expect(verdict.outcome).toBe(expected.outcome)

    if (verdict.outcome === 'refused') {
      // A 4xx at upload that names the file, the page when one page is the cause, and the limit broken.
      expect([413, 422]).toContain(verdict.error.status)
      expect(verdict.error.message).toMatch(new RegExp(`^${escape(name)}[: ]`))
      if (expected.outcome === 'refused') {
        if (expected.code) expect(verdict.error.code).toBe(expected.code)
        if (expected.page) {
          expect(verdict.error.page).toBe(expected.page)
          expect(verdict.error.message).toContain(`${name} page ${expected.page}:`)
        }
      }
    } else if (verdict.outcome === 'failed') {
      expect(verdict.error.message).toMatch(new RegExp(`^${escape(name)}[: ]`))
      if (expected.outcome === 'failed' && expected.code) expect((verdict.error as { code?: string }).code).toBe(expected.code)
    } else {
      // Nothing lost: every page of the file has its analysis, in order; each failure names file and page.
      expect(verdict.analyses.map((a) => a.sourcePage)).toEqual(Array.from({ length: verdict.pageCount }, (_, i) => i + 1))
      // …and cut from the file on disk, every page has its place in the copy (a stub when it cannot be copied).
      expect(verdict.assembled).toBe(verdict.pageCount)
      for (const analysis of verdict.analyses.filter((a) => a.error)) expect(analysis.error!.message).toMatch(new RegExp(`^${escape(name)} page ${analysis.sourcePage}: `))
      const good = 'good' in expected ? (expected.good ?? []) : []
      for (const page of good) expect({ page, error: verdict.analyses[page - 1]?.error }).toEqual({ page, error: undefined })
      if (expected.outcome === 'processed') for (const page of expected.bad ?? []) expect(verdict.analyses[page - 1]?.error).toBeDefined()
    }
  }, 120_000)
})
