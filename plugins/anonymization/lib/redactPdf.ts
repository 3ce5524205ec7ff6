import * as mupdf from 'mupdf'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

import { paintZones } from './paint'
import { renderUpright } from './renderPage'
import type { ZoneBox } from './zones'

export class RedactionError extends Error {
  readonly status = 422
}

export const REDACTION_DPI = 200

export type RedactedPdf = { pdf: Uint8Array; pagesRasterised: number[]; zonesPainted: number }

/**
 * The copy PDF with its identity zones gone: each page that has a zone is rasterised upright, the zones'
 * pixels are overwritten, and the page is replaced by that image at the same size in points (no /Rotate),
 * so annotations keep their coordinates. Pages without a zone are copied untouched.
 */
export const redactPdf = async ({ pdf, zones, dpi = REDACTION_DPI, quality = 85 }: { pdf: Uint8Array; zones: Map<number, ZoneBox[]>; dpi?: number; quality?: number }): Promise<RedactedPdf> => {
  let doc: mupdf.Document
  try {
    doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  } catch (error) {
    throw new RedactionError(`The copy PDF cannot be opened: ${(error as Error).message}`)
  }
  const images = new Map<number, { jpeg: Uint8Array; width: number; height: number }>()
  let zonesPainted = 0
  try {
    const count = doc.countPages()
    for (const [index, boxes] of zones) {
      if (index < 0 || index >= count || !boxes.length) continue
      const page = renderUpright({ doc, index, dpi })
      const painted = paintZones({ rgb: page.data, width: page.width, height: page.height, scale: page.scale, zones: boxes, page: page.points })
      if (!painted) continue
      zonesPainted += painted
      const jpeg = await sharp(Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength), { raw: { width: page.width, height: page.height, channels: 3 } })
        .jpeg({ quality, chromaSubsampling: '4:4:4' })
        .toBuffer()
      images.set(index, { jpeg: new Uint8Array(jpeg), width: page.points.width, height: page.points.height })
    }
  } finally {
    doc.destroy()
  }
  if (!images.size) return { pdf, pagesRasterised: [], zonesPainted: 0 }

  const source = await PDFDocument.load(pdf, { ignoreEncryption: true })
  const out = await PDFDocument.create()
  const indices = source.getPageIndices()
  const copied = await out.copyPages(source, indices)
  for (const index of indices) {
    const image = images.get(index)
    if (!image) {
      out.addPage(copied[index]!)
      continue
    }
    const page = out.addPage([image.width, image.height])
    const embedded = await out.embedJpg(image.jpeg)
    page.drawImage(embedded, { x: 0, y: 0, width: image.width, height: image.height })
  }
  return { pdf: await out.save(), pagesRasterised: [...images.keys()].sort((a, b) => a - b), zonesPainted }
}

/** A small upright picture of one page (the redacted copy's first page for lists), as WebP. */
export const renderThumbnail = async ({ pdf, index = 0, width = 240 }: { pdf: Uint8Array; index?: number; width?: number }): Promise<Uint8Array> => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    const first = doc.loadPage(index)
    const bounds = first.getBounds()
    first.destroy()
    const dpi = (72 * width) / Math.max(1, bounds[2] - bounds[0])
    const page = renderUpright({ doc, index, dpi })
    return new Uint8Array(await sharp(Buffer.from(page.data), { raw: { width: page.width, height: page.height, channels: 3 } }).webp({ quality: 70 }).toBuffer())
  } finally {
    doc.destroy()
  }
}

/** One page as JPEG (what a page-image URL serves). */
export const renderPageJpeg = async ({ pdf, index, dpi = 110 }: { pdf: Uint8Array; index: number; dpi?: number }): Promise<Uint8Array | undefined> => {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf')
  try {
    if (index < 0 || index >= doc.countPages()) return undefined
    const page = renderUpright({ doc, index, dpi })
    return new Uint8Array(await sharp(Buffer.from(page.data), { raw: { width: page.width, height: page.height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer())
  } finally {
    doc.destroy()
  }
}
