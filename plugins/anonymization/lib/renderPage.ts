import * as mupdf from 'mupdf'

import { pixmapPixels } from '../../scan-pipeline/lib/pdf/pixels'

mupdf.setLog?.(null)

export type RgbPage = { data: Uint8Array; width: number; height: number; scale: number; points: { width: number; height: number } }

/**
 * One page of an open document as RGB pixels of the UPRIGHT page (mupdf's page space applies /Rotate and
 * the crop box), `scale` pixels per point: the space identity zones and annotations are measured in.
 */
export const renderUpright = ({ doc, index, dpi }: { doc: mupdf.Document; index: number; dpi: number }): RgbPage => {
  const page = doc.loadPage(index)
  try {
    const [x0, y0, x1, y1] = page.getBounds()
    const scale = dpi / 72
    const matrix = mupdf.Matrix.concat(mupdf.Matrix.translate(-x0, -y0), mupdf.Matrix.scale(scale, scale))
    const pix = page.toPixmap(matrix, mupdf.ColorSpace.DeviceRGB, false, true)
    try {
      const { data, width, height } = pixmapPixels(pix)
      return { data, width, height, scale, points: { width: x1 - x0, height: y1 - y0 } }
    } finally {
      pix.destroy()
    }
  } finally {
    page.destroy()
  }
}

export const pageCount = (doc: mupdf.Document): number => doc.countPages()
