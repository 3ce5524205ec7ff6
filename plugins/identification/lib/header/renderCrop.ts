import * as mupdf from 'mupdf'

import type { GrayCrop, PointBox } from './types'
import { pixmapPixels } from '../../../scan-pipeline/lib/pdf/pixels'

mupdf.setLog?.(null)

export const HEADER_DPI = 200

/**
 * Renders one rectangle of an upright page to grey pixels. mupdf's page space already applies
 * /Rotate and the crop box, so a box measured on the upright page maps straight onto it; only the
 * clip is rasterised, which is what keeps header reading cheap (the whole page is 4× the pixels).
 */
export const renderCrop = ({ doc, pageIndex = 0, box, dpi = HEADER_DPI }: { doc: mupdf.Document; pageIndex?: number; box?: PointBox; dpi?: number }): GrayCrop & { box: PointBox } => {
  const page = doc.loadPage(pageIndex)
  try {
    const [bx0, by0, bx1, by1] = page.getBounds()
    const pageBox = { x: 0, y: 0, width: bx1 - bx0, height: by1 - by0 }
    const clip = clampBox(box ?? topBand(pageBox), pageBox)
    const scale = dpi / 72
    const x0 = Math.floor(clip.x * scale), y0 = Math.floor(clip.y * scale)
    const x1 = Math.ceil((clip.x + clip.width) * scale), y1 = Math.ceil((clip.y + clip.height) * scale)
    const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [x0, y0, x1, y1], false)
    try {
      pix.clear(255)
      const device = new mupdf.DrawDevice(mupdf.Matrix.concat(mupdf.Matrix.translate(-bx0, -by0), mupdf.Matrix.scale(scale, scale)), pix)
      try {
        page.run(device, mupdf.Matrix.identity)
        device.close()
      } finally {
        device.destroy()
      }
      const { data: raw, width, height } = pixmapPixels(pix)
      return { raw, width, height, box: clip }
    } finally {
      pix.destroy()
    }
  } finally {
    page.destroy()
  }
}

/** Without a detected header box: the top fifth of the page, where school headers are printed. */
export const topBand = (page: PointBox): PointBox => ({ x: 0, y: 0, width: page.width, height: Math.round(page.height * 0.2) })

const clampBox = (box: PointBox, page: PointBox): PointBox => {
  const x = Math.max(0, Math.min(page.width - 1, box.x))
  const y = Math.max(0, Math.min(page.height - 1, box.y))
  return { x, y, width: Math.max(1, Math.min(page.width - x, box.width)), height: Math.max(1, Math.min(page.height - y, box.height)) }
}

/** A small margin around the detected box: its edges are often cut a few points short on skewed scans. */
export const padBox = (box: PointBox, pad = 6): PointBox => ({ x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad })
