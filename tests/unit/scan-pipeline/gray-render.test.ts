import * as mupdf from 'mupdf'
import { PDFDocument, rgb } from 'pdf-lib'

import { grayPixmap } from '../../../plugins/scan-pipeline/lib/pdf/grayRender'

// Pages are analysed in grey with mupdf's colour management off (a third of a scan's rendering went into ICC
// conversions); mupdf's switch is global, so everything else must still render with it on.

/** One page filled with pure blue: the colour whose grey differs most between the profiles and the plain formula. */
const bluePage = async () => {
  const pdf = await PDFDocument.create()
  pdf.addPage([20, 20]).drawRectangle({ x: 0, y: 0, width: 20, height: 20, color: rgb(0, 0, 1) })
  const doc = mupdf.Document.openDocument(await pdf.save(), 'application/pdf')
  return doc.loadPage(0)
}

const centre = (pix: mupdf.Pixmap) => {
  const value = pix.getPixels()[Math.floor(pix.getHeight() / 2) * pix.getStride() + Math.floor(pix.getWidth() / 2)]!
  pix.destroy()
  return value
}

describe('grey renderings for the analysis', () => {
  it('use the plain luminance formula, and leave colour management on for every other rendering', async () => {
    const page = await bluePage()
    const managed = () => centre(page.toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, false, false))
    const before = managed()
    const plain = centre(grayPixmap({ page, matrix: mupdf.Matrix.identity }))
    const after = managed()
    // 0.3 R + 0.59 G + 0.11 B of pure blue
    expect(Math.abs(plain - 0.11 * 255)).toBeLessThanOrEqual(2)
    // the profiles' grey of pure blue is another: what the analysis gets is not what others get
    expect(Math.abs(before - plain)).toBeGreaterThan(10)
    // and the switch is back where it was
    expect(after).toBe(before)
    page.destroy()
  })
})
