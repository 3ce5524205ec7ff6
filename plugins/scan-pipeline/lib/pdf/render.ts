import * as mupdf from 'mupdf'
import type { GrayImage } from '../raster/gray'
import { rotateGray } from '../raster/gray'
import type { Rotation } from '../types'
import { pixmapPixels } from './pixels'

/**
 * Render one page to raw 8-bit grey pixels, oriented as STORED (any /Rotate undone), so
 * regions and rotations follow the CLI contract. Raw pixels, never PNG: encoding costs more
 * than the analysis itself.
 */
export const renderStoredGray = ({
  doc,
  index,
  dpi,
  storedRotate,
}: {
  doc: mupdf.PDFDocument
  index: number
  dpi: number
  storedRotate: Rotation
}): GrayImage => {
  const page = doc.loadPage(index)
  try {
    const scale = dpi / 72
    const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, false)
    try {
      const displayed: GrayImage = pixmapPixels(pix)
      const undo = ((360 - storedRotate) % 360) as Rotation
      return rotateGray({ image: displayed, rotation: undo })
    } finally {
      pix.destroy()
    }
  } finally {
    page.destroy()
  }
}

export const pageHasTextLayer = ({ doc, index }: { doc: mupdf.PDFDocument; index: number }): boolean => {
  const page = doc.loadPage(index)
  try {
    const text = page.toStructuredText('preserve-whitespace')
    try {
      return text.asText().trim().length > 20
    } finally {
      text.destroy()
    }
  } finally {
    page.destroy()
  }
}
