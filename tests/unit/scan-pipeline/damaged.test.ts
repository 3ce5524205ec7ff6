import { inspectScan, processScan, ScanInputError } from '../../../plugins/scan-pipeline/lib/index.js'
import { buildTypedPdf, buildZeroPagePdf, encryptPdf, getBatch, notAPdf, truncatePdf } from '../../fixtures/scans/index.js'

// first run builds the fixtures (cached afterwards); allow for a busy machine
beforeAll(async () => {
  await getBatch('a4-mini')
}, 600_000)

const refusal = async (bytes: Uint8Array, fileName: string): Promise<ScanInputError> => {
  try {
    await processScan({ bytes, fileName, concurrency: 0 })
  } catch (err) {
    expect(err).toBeInstanceOf(ScanInputError)
    return err as ScanInputError
  }
  throw new Error(`${fileName} was not refused`)
}

describe('damaged input', () => {
  it('refuses a password-protected PDF with a typed 422 naming the file', async () => {
    const { bytes } = await getBatch('a4-mini')
    const err = await refusal(encryptPdf(bytes), 'locked.pdf')
    expect(err).toMatchObject({ code: 'encrypted_pdf', file: 'locked.pdf', status: 422 })
    expect(err.message).toMatch(/^locked\.pdf: .*password/)
  })

  it('refuses a PDF with no pages', async () => {
    const err = await refusal(await buildZeroPagePdf(), 'empty.pdf')
    expect(err).toMatchObject({ code: 'no_pages', file: 'empty.pdf' })
  })

  it('refuses a file that is not a PDF', async () => {
    const err = await refusal(notAPdf(), 'roster.pdf')
    expect(err).toMatchObject({ code: 'unreadable_pdf', file: 'roster.pdf' })
  })

  it('refuses a file cut before any page, saying it is truncated', async () => {
    const { bytes } = await getBatch('a4-mini')
    const err = await refusal((await truncatePdf(bytes, 1)).slice(0, 400), 'cut.pdf')
    expect(err.file).toBe('cut.pdf')
    expect(['no_pages', 'unreadable_pdf']).toContain(err.code)
  })

  it('recovers the readable pages of a truncated batch, names the lost ones, and drops nothing', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const cut = await truncatePdf(bytes, 0.7)
    const info = await inspectScan({ bytes: cut, fileName: 'cut.pdf' })
    expect(info.repaired).toBe(true)
    const copies: Uint8Array[] = []
    const result = await processScan({ bytes: cut, fileName: 'cut.pdf', concurrency: 0, onCopy: ({ pdf }) => void copies.push(pdf) })
    const placed = result.plan.copies.flatMap((c) => c.pages.map((p) => p.sourcePage)).sort((a, b) => a - b)
    // every page the repaired file lists is placed exactly once
    expect(placed).toEqual(Array.from({ length: result.info.pageCount }, (_, i) => i + 1))
    expect(result.pageErrors.length).toBeGreaterThan(0)
    for (const e of result.pageErrors) expect(e).toMatch(/page \d+/)
    const anomalies = result.plan.copies.flatMap((c) => c.anomalies)
    for (const e of result.analyses.filter((a) => a.error)) expect(anomalies.join('\n')).toContain(`cut.pdf page ${e.sourcePage}`)
    expect(copies).toHaveLength(result.plan.copies.length)
    // the copies before the cut keep their pages in order (lost pages join the copy in progress, flagged)
    const intact = truth.copies.filter((c) => c.pages.every((p) => !result.analyses[p.source_page - 1]!.error))
    expect(intact.length).toBeGreaterThan(0)
    for (const t of intact) {
      const want = t.pages.map((p) => p.source_page).join()
      expect(result.plan.copies.some((c) => c.pages.map((p) => p.sourcePage).slice(0, t.pages.length).join() === want)).toBe(true)
    }
  })

  it('processes a typed (non-scan) document and flags that no first page was recognised', async () => {
    const result = await processScan({ bytes: await buildTypedPdf({ seed: 7, pages: 3 }), fileName: 'notes.pdf', concurrency: 0 })
    expect(result.plan.copies).toHaveLength(1)
    expect(result.plan.copies[0]!.pages.map((p) => [p.sourcePage, p.rotation])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ])
    expect(result.plan.anomalies.join('\n')).toMatch(/no first page was recognised in notes\.pdf/)
    expect(result.plan.anomalies.join('\n')).toMatch(/notes\.pdf page 1 has a text layer/)
  })
})
