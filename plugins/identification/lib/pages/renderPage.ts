import * as mupdf from 'mupdf'
import sharp from 'sharp'

import { pixmapPixels } from '../../../scan-pipeline/lib/pdf/pixels'

/**
 * One page of a copy's own PDF as a small JPEG, as markers will see it: the copy PDF already carries
 * the crop box (A3 halves) and /Rotate, which mupdf applies when rendering — so no batch is re-read.
 * `undefined` when the copy has no such page.
 */
export const renderCopyPage = async ({
  pdf,
  index,
  width = 200,
  format = 'jpeg',
}: {
  pdf: Uint8Array
  index: number
  width?: number
  /** webp for a copy's stored thumbnail (as ingestion stores them), jpeg for the desk's page pictures */
  format?: 'jpeg' | 'webp'
}): Promise<Buffer | undefined> => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    if (index >= doc.countPages()) return undefined
    const page = doc.loadPage(index)
    try {
      const [x0, , x1] = page.getBounds()
      const scale = Math.min(2, width / Math.max(1, x1 - x0))
      const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true)
      try {
        const raw = pixmapPixels(pix)
        const image = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } })
        return await (format === 'webp' ? image.webp({ quality: 70 }) : image.jpeg({ quality: 70 })).toBuffer()
      } finally {
        pix.destroy()
      }
    } finally {
      page.destroy()
    }
  } finally {
    doc.destroy()
  }
}
