import { DEFAULT_SCAN_LIMITS, inspectScan, inspectScanIsolated, ScanInputError } from '../../../plugins/scan-pipeline/lib/index.js'
import { manyBlankPages } from '../../fixtures/hostile/pdfs.js'
import { buildTypedPdf, buildZeroPagePdf, getBatch, notAPdf, truncatePdf } from '../../fixtures/scans/index.js'

describe('inspectScanIsolated: opening a scan off the main thread, with a deadline', () => {
  test('answers what inspectScan answers, repaired bytes included', async () => {
    const good = await buildTypedPdf({ seed: 3, pages: 3 })
    const isolated = await inspectScanIsolated({ bytes: good, fileName: 'good.pdf' })
    const direct = await inspectScan({ bytes: good, fileName: 'good.pdf' })
    expect({ ...isolated, bytes: isolated.bytes.length }).toEqual({ ...direct, bytes: direct.bytes.length })
    const cut = await truncatePdf((await getBatch('a4-mini')).bytes, 0.7)
    const repaired = await inspectScanIsolated({ bytes: cut, fileName: 'cut.pdf' })
    expect(repaired.repaired).toBe(true)
    expect(repaired.bytes).toBeInstanceOf(Uint8Array)
    expect(repaired.pageCount).toBe((await inspectScan({ bytes: cut, fileName: 'cut.pdf' })).pageCount)
  })

  test('refuses bad files with the same typed error, naming the file', async () => {
    for (const [bytes, code] of [
      [notAPdf(), 'unreadable_pdf'],
      [await buildZeroPagePdf(), 'no_pages'],
    ] as const) {
      const error = await inspectScanIsolated({ bytes, fileName: 'bad.pdf' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ScanInputError)
      expect(error).toMatchObject({ code, file: 'bad.pdf', status: 422 })
      expect((error as Error).message).toMatch(/^bad\.pdf: /)
    }
  })

  test('gives up after its deadline instead of holding the server, and the next file gets a fresh reader', async () => {
    // 20,000 pages (allowed here): listing them and loading them into pdf-lib takes seconds, not 50 ms.
    const slow = manyBlankPages(20_000)
    const error = await inspectScanIsolated({ bytes: slow, fileName: 'slow.pdf', timeoutMs: 50, limits: { ...DEFAULT_SCAN_LIMITS, maxPages: 100_000 } }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'page_timeout', file: 'slow.pdf' })
    expect((error as Error).message).toMatch(/slow\.pdf: opening the PDF took longer than/)
    const next = await inspectScanIsolated({ bytes: await buildTypedPdf({ seed: 4, pages: 2 }), fileName: 'next.pdf' })
    expect(next.pageCount).toBe(2)
  })
})
