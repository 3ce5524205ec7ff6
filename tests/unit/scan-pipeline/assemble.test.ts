import sharp from 'sharp'
import { PDFDocument, PDFName, PDFRawStream, degrees } from 'pdf-lib'
import { assembleCopyPdf } from '../../../plugins/scan-pipeline/lib/assemble/assembleCopy.js'
import { renderThumbnail } from '../../../plugins/scan-pipeline/lib/thumbnails/renderThumbnail.js'

const jpegOf = async () =>
  new Uint8Array(await sharp({ create: { width: 400, height: 280, channels: 3, background: { r: 230, g: 230, b: 220 } } }).jpeg({ quality: 70 }).toBuffer())

const imageStreams = (doc: PDFDocument): Uint8Array[] =>
  doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map((s) => s.contents)

describe('assembleCopyPdf', () => {
  it('cuts A3 halves with page boxes, sets /Rotate and reuses the scanned JPEG byte for byte', async () => {
    const jpeg = await jpegOf()
    const src = await PDFDocument.create()
    const img = await src.embedJpg(jpeg)
    src.addPage([1191, 842]).drawImage(img, { x: 0, y: 0, width: 1191, height: 842 })
    src.addPage([595, 842]).drawImage(img, { x: 0, y: 0, width: 595, height: 842 })
    const sourceBytes = await src.save()

    const out = await PDFDocument.load(
      await assembleCopyPdf({
        sourceBytes,
        pages: [
          { sourcePage: 1, region: 'left', rotation: 180 },
          { sourcePage: 1, region: 'right', rotation: 0 },
          { sourcePage: 2, region: 'full', rotation: 90 },
        ],
      }),
    )
    const pages = out.getPages()
    expect(pages).toHaveLength(3)
    expect(pages.map((p) => p.getCropBox())).toEqual([
      { x: 0, y: 0, width: 595.5, height: 842 },
      { x: 595.5, y: 0, width: 595.5, height: 842 },
      { x: 0, y: 0, width: 595, height: 842 },
    ])
    expect(pages.map((p) => p.getRotation().angle)).toEqual([180, 0, 90])
    const streams = imageStreams(out)
    // both halves share one copy of the image, and it is the original JPEG
    expect(streams).toHaveLength(1)
    expect(Buffer.from(streams[0]!).equals(Buffer.from(jpeg))).toBe(true)
  })
})

describe('an A3 sheet stored portrait (fed short edge first)', () => {
  // The stored page is portrait; its top half is page 1 once turned 90° clockwise. Two coloured halves
  // tell which half a crop shows.
  const sideways = async () => {
    const top = await sharp({ create: { width: 280, height: 200, channels: 3, background: { r: 220, g: 30, b: 30 } } }).jpeg().toBuffer()
    const bottom = await sharp({ create: { width: 280, height: 200, channels: 3, background: { r: 30, g: 30, b: 220 } } }).jpeg().toBuffer()
    const src = await PDFDocument.create()
    const page = src.addPage([842, 1191])
    page.drawImage(await src.embedJpg(top), { x: 0, y: 595.5, width: 842, height: 595.5 })
    page.drawImage(await src.embedJpg(bottom), { x: 0, y: 0, width: 842, height: 595.5 })
    page.setRotation(degrees(270))
    return src.save()
  }

  it('cuts the top and bottom halves with page boxes and replaces the stored /Rotate', async () => {
    const out = await PDFDocument.load(await assembleCopyPdf({ sourceBytes: await sideways(), pages: [{ sourcePage: 1, region: 'top', rotation: 90 }, { sourcePage: 1, region: 'bottom', rotation: 90 }] }))
    expect(out.getPages().map((p) => p.getCropBox())).toEqual([
      { x: 0, y: 595.5, width: 842, height: 595.5 },
      { x: 0, y: 0, width: 842, height: 595.5 },
    ])
    expect(out.getPages().map((p) => p.getRotation().angle)).toEqual([90, 90])
  })

  it('renders the thumbnail of each half upright, portrait', async () => {
    const bytes = await sideways()
    for (const [region, red] of [['top', true], ['bottom', false]] as const) {
      const jpeg = await renderThumbnail({ bytes, sourcePage: 1, region, rotation: 90, width: 100, format: 'jpeg' })
      const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true })
      expect(info.height).toBeGreaterThan(info.width)
      const centre = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels
      expect(data[centre]! > data[centre + 2]!).toBe(red)
    }
  })
})

describe('renderThumbnail', () => {
  it('renders an upright thumbnail of a region', async () => {
    const src = await PDFDocument.create()
    src.addPage([1191, 842])
    const bytes = await src.save()
    const webp = await renderThumbnail({ bytes, sourcePage: 1, region: 'left', rotation: 90, width: 200 })
    const meta = await sharp(webp).metadata()
    expect(meta.format).toBe('webp')
    // a portrait half turned by 90° becomes landscape, 200 px wide
    expect(meta.width).toBeGreaterThan(meta.height!)
    expect(Math.abs(meta.width! - 200)).toBeLessThanOrEqual(2)
  })
})
