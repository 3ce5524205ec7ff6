import { PDFDocument } from 'pdf-lib'

import { numberCropsAside } from '../../../plugins/identification/lib/pageNumbers/aside/numberCropsAside'
import { numberCrops } from '../../../plugins/identification/lib/pageNumbers/numberCrops'

// The identify job cuts page-number spots on worker threads (plain-paper.test.ts compares real spots); here, what
// comes back when there is nothing to cut, and what a PDF mupdf cannot open gives.
describe('number spots cut on a worker thread', () => {
  it('answers page by page, pages without a footer or blank left out, as on this thread', async () => {
    const doc = await PDFDocument.create()
    for (let i = 0; i < 3; i++) doc.addPage([595, 842])
    const request = { pdf: await doc.save(), footers: [undefined, undefined, undefined], blank: [false, true, false] }
    const here = numberCrops(request)
    expect(here).toEqual([undefined, undefined, undefined])
    expect(await numberCropsAside(request)).toEqual(here)
  }, 60_000)

  it('fails with the copy’s own error when its PDF cannot be read, as on this thread', async () => {
    const request = { pdf: new TextEncoder().encode('%PDF-1.7 this is not a PDF'), footers: [], blank: [] }
    let here: Error | undefined
    try {
      numberCrops(request)
    } catch (error) {
      here = error as Error
    }
    expect(here).toBeDefined()
    await expect(numberCropsAside(request)).rejects.toThrow(here!.message)
  }, 60_000)
})
