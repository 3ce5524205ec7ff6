import * as mupdf from 'mupdf'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

import { createRng } from '../prng.js'

/** Where each page of the simulated scan came from: the printed PDF's page (1-based) and how it was fed. */
export type ScannedPrintPage = { printedPage: number; /** clockwise turn that makes the scanned page upright */ rotation: 0 | 90 | 180 | 270; duplicate: boolean }
export type PrintedScan = { bytes: Uint8Array; pages: ScannedPrintPage[]; dropped: number[]; duplicated: number[] }

/**
 * A printed set of booklets as a school's copier returns it: every page rasterised (grey, `dpi`), some fed
 * upside down, a small skew, JPEG noise, the pages shuffled, some pages lost and some scanned twice.
 * Seeded: the same arguments give the same bytes. `printedPage` numbers refer to the printed PDF.
 */
export const scanPrinted = async ({
  printed,
  seed = 1,
  dpi = 150,
  flips = 0.3,
  sideways = 0,
  drop = [],
  duplicate = [],
  quality = 60,
  shuffle = true,
}: {
  printed: Uint8Array
  seed?: number
  dpi?: number
  /** share of pages fed upside down */
  flips?: number
  /** share of pages fed sideways (a quarter turn either way) */
  sideways?: number
  /** printed pages (1-based) never scanned */
  drop?: number[]
  /** printed pages (1-based) scanned twice */
  duplicate?: number[]
  quality?: number
  shuffle?: boolean
}): Promise<PrintedScan> => {
  const rng = createRng(seed)
  const doc = mupdf.Document.openDocument(printed, 'application/pdf')
  const count = doc.countPages()
  const feeds: ScannedPrintPage[] = []
  const feed = (): ScannedPrintPage['rotation'] => (sideways > 0 && rng.chance(sideways) ? (rng.chance(0.5) ? 90 : 270) : rng.chance(flips) ? 180 : 0)
  for (let n = 1; n <= count; n++) {
    if (drop.includes(n)) continue
    feeds.push({ printedPage: n, rotation: feed(), duplicate: false })
    if (duplicate.includes(n)) feeds.push({ printedPage: n, rotation: feed(), duplicate: true })
  }
  const order = shuffle ? rng.shuffle(feeds) : feeds
  const skews = order.map(() => rng.range(-1.2, 1.2))
  const out = await PDFDocument.create({ updateMetadata: false })
  const scale = dpi / 72
  // Pages are rendered one after the other (mupdf, this thread) while sharp turns and encodes the earlier
  // ones on its own threads: the two overlap.
  const sheets = order.map(async (feed, i) => {
    const page = doc.loadPage(feed.printedPage - 1)
    const [x0, y0, x1, y1] = page.getBounds()
    const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, false)
    const width = pix.getWidth()
    const height = pix.getHeight()
    const raw = Buffer.from(pix.getPixels())
    pix.destroy()
    page.destroy()
    // Turned the other way from `rotation` (which undoes it) plus a small skew, cut back to the sheet's size.
    const quarter = feed.rotation === 90 || feed.rotation === 270
    const [outW, outH] = quarter ? [height, width] : [width, height]
    const size = quarter ? [y1 - y0, x1 - x0] : [x1 - x0, y1 - y0]
    const turned = await sharp(raw, { raw: { width, height, channels: 1 } }).rotate((360 - feed.rotation) % 360 + skews[i]!, { background: { r: 250, g: 250, b: 250 } }).toBuffer({ resolveWithObject: true })
    const left = Math.max(0, Math.floor((turned.info.width - outW) / 2))
    const top = Math.max(0, Math.floor((turned.info.height - outH) / 2))
    const jpeg = await sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: turned.info.channels } })
      .extract({ left, top, width: Math.min(outW, turned.info.width), height: Math.min(outH, turned.info.height) })
      .greyscale()
      .jpeg({ quality })
      .toBuffer()
    return { jpeg, size }
  })
  const scanned = await Promise.all(sheets)
  doc.destroy()
  for (const { jpeg, size } of scanned) {
    const [w, h] = size as [number, number]
    const image = await out.embedJpg(jpeg)
    out.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h })
  }
  return { bytes: await out.save(), pages: order, dropped: drop, duplicated: duplicate }
}
