import { checkScan, DEFAULT_SCAN_LIMITS, ScanInputError } from '../../../plugins/scan-pipeline/lib/index'
import { scanSettingsFromEnv } from '../../../plugins/scan-pipeline/services/limits'
import { goodScan, hostilePdfs, manyBlankPages } from '../../fixtures/hostile/pdfs'

const byName = (name: string) => hostilePdfs().find((item) => item.name === name)!
const refusal = async (name: string, limits = DEFAULT_SCAN_LIMITS): Promise<ScanInputError> => {
  try {
    checkScan({ bytes: await byName(name).bytes(), fileName: name, limits })
  } catch (error) {
    expect(error).toBeInstanceOf(ScanInputError)
    return error as ScanInputError
  }
  throw new Error(`${name} was accepted`)
}

describe('scan limits, measured without rendering', () => {
  test("the issue's three files are refused with a 413 that names file, page and limit", async () => {
    expect(await refusal('pages-20000-blank.pdf')).toMatchObject({ status: 413, code: 'too_many_pages', message: expect.stringMatching(/^pages-20000-blank\.pdf: 20000 pages, above the 2000-page limit .*KORRIGO_MAX_PAGES/) })
    expect(await refusal('bomb-content-1gb.pdf')).toMatchObject({ status: 413, code: 'decompression_bomb', page: 1, message: expect.stringMatching(/^bomb-content-1gb\.pdf page 1: .*256 MB \(KORRIGO_MAX_PAGE_DECOMPRESSED_MB\)/) })
    expect(await refusal('huge-image-50000x50000.pdf')).toMatchObject({ status: 413, code: 'image_too_large', page: 2, message: expect.stringMatching(/page 2: its images declare 2500 megapixels \(50000 × 50000\)/) })
  })

  test('a good scan passes and reports what it costs', () => {
    const check = checkScan({ bytes: goodScan(3), fileName: 'ok.pdf' })
    expect(check.pageCount).toBe(3)
    expect(check.pixels).toBe(3 * 300 * 424)
    expect(check.decompressedBytes).toBeLessThan(1000)
  })

  test('every limit is configurable, and a bad setting is an error that names the variable', async () => {
    const settings = scanSettingsFromEnv({ KORRIGO_MAX_PAGES: '10', KORRIGO_MAX_PAGE_MEGAPIXELS: '0.1', KORRIGO_MAX_PAGE_DECOMPRESSED_MB: '1', KORRIGO_PAGE_TIMEOUT_SECONDS: '5', KORRIGO_SCAN_SLICE_PAGES: '4', KORRIGO_SCAN_CHECK_SECONDS: '7' })
    expect(settings).toMatchObject({ limits: { maxPages: 10, maxPagePixels: 100_000, maxPageDecompressedBytes: 1048576, pageTimeoutMs: 5000 }, slicePages: 4, checkMs: 7000 })
    expect(() => checkScan({ bytes: manyBlankPages(11), fileName: 'eleven.pdf', limits: settings.limits })).toThrow(/eleven\.pdf: 11 pages, above the 10-page limit/)
    // 300 × 424 = 127,200 pixels a page: above 0.1 megapixel.
    expect(() => checkScan({ bytes: goodScan(1), fileName: 'scan.pdf', limits: settings.limits })).toThrow(/scan\.pdf page 1: its images declare/)
    expect(() => scanSettingsFromEnv({ KORRIGO_MAX_PAGES: 'lots' })).toThrow(/KORRIGO_MAX_PAGES must be a positive number, got "lots"/)
    expect(scanSettingsFromEnv({})).toMatchObject({ limits: DEFAULT_SCAN_LIMITS, slicePages: 20, checkMs: 30_000 })
  })

  test('a page scaled by UserUnit, inherited sizes and loops through resources are all measured', async () => {
    expect(await refusal('huge-page-userunit.pdf')).toMatchObject({ code: 'page_too_large', page: 2 })
    expect(await refusal('huge-page-inherited-box.pdf')).toMatchObject({ code: 'page_too_large', page: 1 })
    expect(await refusal('content-too-many-objects.pdf')).toMatchObject({ code: 'page_too_complex', page: 2 })
    // A form that draws itself is visited once, not forever.
    expect(checkScan({ bytes: await byName('content-form-recursion.pdf').bytes(), fileName: 'loop.pdf' }).pageCount).toBe(3)
  })
})
