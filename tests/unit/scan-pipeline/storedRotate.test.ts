import { PDFDocument, degrees } from 'pdf-lib'
import { analyzePages, inspectScan } from '../../../plugins/scan-pipeline/lib/index.js'
import { getBatch } from '../../fixtures/scans/index.js'

// first run builds the fixtures (cached afterwards); allow for a busy machine
beforeAll(async () => {
  await getBatch('a4-mini')
}, 600_000)

describe('input pages that already carry /Rotate', () => {
  it('are analysed as stored, so region and rotation follow the contract', async () => {
    const { bytes, truth } = await getBatch('a4-mini')
    const doc = await PDFDocument.load(bytes)
    // a viewer would show these pages sideways / upside down; the stored image is unchanged
    doc.getPage(0).setRotation(degrees(90))
    doc.getPage(1).setRotation(degrees(180))
    const rotated = await doc.save()
    const info = await inspectScan({ bytes: rotated, fileName: 'r.pdf' })
    expect(info.pages.slice(0, 2).map((p) => p.storedRotate)).toEqual([90, 180])
    const [a, b] = await analyzePages({ bytes: rotated, fileName: 'r.pdf', pages: [1, 2], concurrency: 0 })
    const expected = new Map(truth.copies.flatMap((c) => c.pages).map((p) => [p.source_page, p.rotation]))
    expect(a!.regions[0]!.rotation).toBe(expected.get(1))
    expect(b!.regions[0]!.rotation).toBe(expected.get(2))
    expect([a!.width, a!.height]).toEqual([595, 842])
  })
})
