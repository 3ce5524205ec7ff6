import * as mupdf from 'mupdf'
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import sharp from 'sharp'

import { fieldToPage, headerIdentityZones, mergeZones, redactionKey, redactPdf, zonesByPage } from '../../../plugins/anonymization/lib'

const textOf = (pdf: Uint8Array, index: number) => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  const page = doc.loadPage(index)
  const text = page.toStructuredText('preserve-whitespace').asText()
  const bounds = page.getBounds()
  page.destroy()
  doc.destroy()
  return { text, size: [Math.round(bounds[2] - bounds[0]), Math.round(bounds[3] - bounds[1])] }
}

describe('redactPdf', () => {
  it('paints the zones out of the pixels of the upright page, keeps its size, and leaves other pages as they were', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    // Page 1 stored sideways (/Rotate 90): zones are measured on the upright page, like annotations.
    const first = pdf.addPage([842, 595])
    first.setRotation(degrees(90))
    first.drawText('NOM : DUPONT', { x: 60, y: 100, size: 18, font, rotate: degrees(90) })
    pdf.addPage([595, 842]).drawText('Exercice 2', { x: 60, y: 700, size: 14, font, color: rgb(0, 0, 0) })
    const bytes = await pdf.save()
    const upright = textOf(bytes, 0)
    expect(upright.size).toEqual([595, 842])
    expect(upright.text).toContain('DUPONT')

    const out = await redactPdf({ pdf: bytes, zones: zonesByPage([{ page: 0, box: { x: 0, y: 0, width: 595, height: 842 }, source: 'exam' }]) })
    expect(out.pagesRasterised).toEqual([0])
    const after = textOf(out.pdf, 0)
    expect(after.size).toEqual([595, 842])
    expect(after.text).not.toContain('DUPONT')
    expect(textOf(out.pdf, 1).text).toContain('Exercice 2')
  })

  it('leaves a PDF without zones byte for byte', async () => {
    const pdf = await PDFDocument.create()
    pdf.addPage([595, 842])
    const bytes = await pdf.save()
    const out = await redactPdf({ pdf: bytes, zones: new Map() })
    expect(out.pdf).toBe(bytes)
  })
})

describe('identity zones', () => {
  it('maps a field found in a deskewed header crop back onto the page (sharp rotation about the centre, canvas grown)', async () => {
    // A 600×200 crop of the page box (100, 50) at 144 dpi, one dark pixel block; rotate it like deskew does and find it back.
    const w = 600, h = 200, raw = Buffer.alloc(w * h, 255)
    for (let y = 80; y < 90; y++) for (let x = 400; x < 420; x++) raw[y * w + x] = 0
    const angle = 3
    const { data, info } = await sharp(raw, { raw: { width: w, height: h, channels: 1 } }).rotate(angle, { background: { r: 255, g: 255, b: 255 } }).greyscale().raw().toBuffer({ resolveWithObject: true })
    let x0 = Infinity, y0 = Infinity, x1 = 0, y1 = 0
    for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) if (data[(y * info.width + x) * info.channels]! < 128) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + 1); y1 = Math.max(y1, y + 1) }
    const box = fieldToPage({ rect: { x0, y0, x1, y1 }, geometry: { box: { x: 100, y: 50, width: 300, height: 100 }, dpi: 144, rendered: { width: w, height: h }, deskewed: { width: info.width, height: info.height, angle } } })
    // The block was at pixels 400–420 × 80–90 of the crop, i.e. points 300–310 × 90–95 of the page.
    expect(box.x).toBeGreaterThan(297)
    expect(box.x).toBeLessThan(301)
    expect(box.x + box.width).toBeGreaterThan(309)
    expect(box.y).toBeLessThan(91)
    expect(box.y + box.height).toBeGreaterThan(94.5)
  })

  it('pads label-found fields; takes the whole header when the labels were not found', () => {
    const geometry = { box: { x: 20, y: 30, width: 500, height: 150 }, dpi: 72, rendered: { width: 500, height: 150 }, deskewed: { width: 500, height: 150, angle: 0 } }
    const fields = { lastName: { x0: 100, y0: 10, x1: 400, y1: 40 } }
    expect(headerIdentityZones({ fields, located: 'labels', geometry, margin: 10 })).toEqual([{ page: 0, box: { x: 110, y: 30, width: 320, height: 50 }, source: 'detected' }])
    expect(headerIdentityZones({ fields, located: 'fallback', geometry })).toEqual([{ page: 0, box: geometry.box, source: 'detected' }])
  })

  it("keeps identification's zones and the exam's apart, and keys renditions on the file and the zones", () => {
    const detected = [{ page: 0, box: { x: 1, y: 2, width: 3, height: 4 }, source: 'detected' as const }]
    const merged = mergeZones({ detected: [...detected, { page: 0, box: { x: 9, y: 9, width: 9, height: 9 }, source: 'exam' }], examZone: { x: 5, y: 5, width: 50, height: 20 } })
    expect(merged).toEqual([...detected, { page: 0, box: { x: 5, y: 5, width: 50, height: 20 }, source: 'exam' }])
    expect(redactionKey({ pdf: 7, zones: merged })).toBe(redactionKey({ pdf: 7, zones: [...merged].reverse() }))
    expect(redactionKey({ pdf: 7, zones: merged })).not.toBe(redactionKey({ pdf: 8, zones: merged }))
  })
})
