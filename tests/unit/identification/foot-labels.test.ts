import { createLabelReader, type LabelReader } from '../../../plugins/identification/lib/header/labelReader'
import { firstPageImage, printsPageNumbers } from '../../../plugins/identification/lib/pipeline/readCopies'
import { processScan } from '../../../plugins/scan-pipeline/lib/index'
import { getBatch, getScenario } from '../../../tools/papers/index'

// Identification learns a batch's blank form (seconds of pixel work) to find where students write page
// numbers; a batch whose first pages print no "page / nombre total de pages" in their foot is spared that.
// Decided on a scanned first page, as ingestion cut it, by its printed labels: no rule knows the design.
const firstScannedPage = async (bytes: Uint8Array) => {
  let first: Uint8Array | undefined
  await processScan({ bytes, fileName: 'scan.pdf', onCopy: ({ pdf }) => void (first ??= pdf) })
  return firstPageImage(first!)
}

let labels: LabelReader
beforeAll(async () => {
  labels = await createLabelReader()
}, 120_000)
afterAll(async () => labels?.terminate())

describe('page-number labels in the foot of a first page', () => {
  it('are found on the official exam sheet a copier scanned', async () => {
    const scenario = await getScenario('copier-mock-bac')
    expect(await printsPageNumbers({ page: await firstScannedPage(scenario.batches[0]!.bytes), labels })).toBe(true)
  }, 300_000)

  it('are not found on papers that print none (a framed header, a one-line header)', async () => {
    for (const name of ['a4-mini', 'one-line-a4-mini'] as const) {
      const { bytes } = await getBatch(name)
      expect(await printsPageNumbers({ page: await firstScannedPage(bytes), labels })).toBe(false)
    }
  }, 300_000)
})
