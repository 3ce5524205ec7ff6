import * as mupdf from 'mupdf'

import { pixmapPixels } from '../../../scan-pipeline/lib/pdf/pixels'
import type { GrayCrop } from '../header/types'
import { mapPixels } from '../../../scan-pipeline/lib/raster/mapPixels'

/** Resolution at which first pages are compared with their blank form and fields are cut out. */
export const FORM_DPI = 150

/** A whole upright page in grey, with its size in points. */
export type PageImage = GrayCrop & { widthPt: number; heightPt: number; dpi: number }

mupdf.setLog?.(null)

/** Renders one page of a PDF (its /Rotate and crop box applied: as a reader sees it) to grey pixels. */
export const renderPageImage = ({ doc, index = 0, dpi = FORM_DPI, half }: { doc: mupdf.Document; index?: number; dpi?: number; half?: 'left' | 'right' }): PageImage => {
  const page = doc.loadPage(index)
  try {
    const [bx0, by0, bx1, by1] = page.getBounds()
    const scale = dpi / 72
    const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, true)
    try {
      const { data, width, height } = pixmapPixels(pix)
      const widthPt = bx1 - bx0
      const heightPt = by1 - by0
      if (!half) return { raw: data, width, height, widthPt, heightPt, dpi }
      const w = Math.floor(width / 2)
      const x0 = half === 'left' ? 0 : width - w
      const raw = new Uint8Array(w * height)
      for (let y = 0; y < height; y++) raw.set(data.subarray(y * width + x0, y * width + x0 + w), y * w)
      return { raw, width: w, height, widthPt: widthPt / 2, heightPt, dpi }
    } finally {
      pix.destroy()
    }
  } finally {
    page.destroy()
  }
}

/** Paper brightness (a high percentile: paper covers most of any page). */
export const paperLevel = (image: GrayCrop): number => {
  const hist = new Uint32Array(256)
  for (let i = 0; i < image.raw.length; i += 7) hist[image.raw[i]!]!++
  const total = Math.ceil(image.raw.length / 7)
  let acc = 0
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!
    if (acc >= total * 0.6) return Math.max(60, v)
  }
  return 255
}

/** Ink: clearly darker than the paper (light ruling stays out). */
export const inkOf = (image: GrayCrop, ratio = 0.72): Uint8Array => {
  const t = paperLevel(image) * ratio
  return mapPixels(image.raw, (v) => (v < t ? 1 : 0))
}

/** Pixel values stretched so that each page's paper is white: scans differ in paper tone. */
export const normalised = (page: PageImage): PageImage => {
  const paper = paperLevel(page)
  const k = 255 / Math.max(1, paper)
  return { ...page, raw: mapPixels(page.raw, (v) => Math.min(255, Math.round(v * k))) }
}
