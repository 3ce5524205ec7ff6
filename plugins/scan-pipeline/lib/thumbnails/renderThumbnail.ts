import * as mupdf from 'mupdf'
import sharp, { type Sharp } from 'sharp'
import { openMupdf, storedPageInfo } from '../pdf/open'
import type { Region, Rotation } from '../types'
import { pixmapPixels } from '../pdf/pixels'

export type ThumbnailFormat = 'webp' | 'jpeg'

type Raw = { data: Buffer; width: number; height: number }

const fromRaw = (r: Raw) => sharp(r.data, { raw: { width: r.width, height: r.height, channels: 3 } })
const toRaw = async (img: Sharp): Promise<Raw> => {
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/**
 * Small upright picture of one copy page for the admin. Rendered straight at thumbnail scale
 * (mupdf decodes the JPEG at a reduced size), cut to the region as stored, turned upright.
 */
export const renderThumbnail = async ({
  doc,
  bytes,
  fileName = 'scan',
  sourcePage,
  region,
  rotation,
  width = 240,
  format = 'webp',
}: {
  doc?: mupdf.PDFDocument
  bytes?: Uint8Array
  fileName?: string
  sourcePage: number
  region: Region
  rotation: Rotation
  width?: number
  format?: ThumbnailFormat
}): Promise<Uint8Array> => {
  const owned = doc ? undefined : openMupdf({ bytes: bytes!, fileName })
  const pdf = doc ?? owned!
  try {
    const index = sourcePage - 1
    const info = storedPageInfo({ doc: pdf, index })
    const regionWidthPt = region === 'left' || region === 'right' ? info.width / 2 : info.width
    const regionHeightPt = region === 'top' || region === 'bottom' ? info.height / 2 : info.height
    const uprightWidthPt = rotation === 90 || rotation === 270 ? regionHeightPt : regionWidthPt
    const scale = Math.min(2, width / uprightWidthPt)
    const page = pdf.loadPage(index)
    let stage: Raw
    try {
      const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, false)
      const { data, width: w, height: h } = pixmapPixels(pix)
      pix.destroy()
      stage = { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width: w, height: h }
    } finally {
      page.destroy()
    }
    const undo = (360 - info.storedRotate) % 360
    if (undo) stage = await toRaw(fromRaw(stage).rotate(undo))
    if (region === 'left' || region === 'right') {
      const half = Math.floor(stage.width / 2)
      stage = await toRaw(fromRaw(stage).extract({ left: region === 'left' ? 0 : stage.width - half, top: 0, width: half, height: stage.height }))
    } else if (region === 'top' || region === 'bottom') {
      const half = Math.floor(stage.height / 2)
      stage = await toRaw(fromRaw(stage).extract({ left: 0, top: region === 'top' ? 0 : stage.height - half, width: stage.width, height: half }))
    }
    const out = fromRaw(stage).rotate(rotation)
    const buf = format === 'webp' ? await out.webp({ quality: 70 }).toBuffer() : await out.jpeg({ quality: 75 }).toBuffer()
    return new Uint8Array(buf)
  } finally {
    owned?.destroy()
  }
}
