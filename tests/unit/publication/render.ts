import * as mupdf from 'mupdf'

export type Rgb = { width: number; height: number; data: Uint8Array }

/** Renders every page as mupdf shows it (upright, cropped), raw RGB pixels, `scale` device pixels per point. */
export const renderPages = ({ pdf, scale }: { pdf: Uint8Array; scale: number }): Rgb[] => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    return Array.from({ length: doc.countPages() }, (_, i) => {
      const page = doc.loadPage(i)
      const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, false)
      const width = pix.getWidth()
      const height = pix.getHeight()
      const stride = pix.getStride()
      const src = pix.getPixels()
      const data = new Uint8Array(width * height * 3)
      for (let y = 0; y < height; y++) data.set(src.subarray(y * stride, y * stride + width * 3), y * width * 3)
      pix.destroy()
      page.destroy()
      return { width, height, data }
    })
  } finally {
    doc.destroy()
  }
}

export const pageText = ({ pdf, index }: { pdf: Uint8Array; index: number }): string => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  const page = doc.loadPage(index)
  const text = page.toStructuredText('preserve-whitespace').asText()
  page.destroy()
  doc.destroy()
  return text
}

/** Bounding box (device pixels) of the pixels that pass `match`; undefined when none does. */
export const boundsWhere = ({ image, match }: { image: Rgb; match: (r: number, g: number, b: number) => boolean }) => {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const o = (y * image.width + x) * 3
      if (!match(image.data[o], image.data[o + 1], image.data[o + 2])) continue
      minX = Math.min(minX, x)
      minY = Math.min(minY, y)
      maxX = Math.max(maxX, x + 1)
      maxY = Math.max(maxY, y + 1)
    }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : undefined
}

export const isRed = (r: number, g: number, b: number) => r > 170 && g < 80 && b < 80
export const isBlue = (r: number, g: number, b: number) => b > 140 && r < 90 && g < 150
export const isGreen = (r: number, g: number, b: number) => g > 90 && r < 100 && b < 100 && g - r > 40
