import * as mupdf from 'mupdf'
import sharp from 'sharp'
import { createRng, type Rng } from '../prng.js'
import type { ScanLook } from './degrade.js'

const TILE = 509

/** Seeded zero-mean paper grain, a tile repeated over the page (a prime side hides the repetition). */
const grainTile = ({ seed, amp }: { seed: number; amp: number }): Int16Array => {
  const tile = new Int16Array(TILE * TILE)
  if (amp === 0) return tile
  // mulberry32, not an LCG: an LCG's low bits repeat every 256 draws and draw stripes on the paper
  const rng = createRng(seed)
  for (let i = 0; i < tile.length; i++) tile[i] = Math.round((rng.next() + rng.next() - 1) * amp)
  return tile
}

/**
 * The scanner of degrade.ts (paper tint, grain, feed direction, skew, grey or colour JPEG), cheaper: the
 * page is rendered grey when the scan is grey, the tint is a lookup table and the grain a seeded tile, so
 * the pixel loop is a few integer operations (the framed presets keep degrade.ts to stay byte-identical).
 */
export const scanSide = async ({ doc, index, look, rng }: { doc: mupdf.PDFDocument; index: number; look: ScanLook; rng: Rng }): Promise<Uint8Array> => {
  // every random draw before the first await: callers overlap pages, and the draws must keep page order
  const grain = grainTile({ seed: (rng.next() * 2 ** 32) >>> 0, amp: look.noise })
  const page = doc.loadPage(index)
  const s = look.dpi / 72
  const channels = look.grey ? 1 : 3
  const pix = page.toPixmap(mupdf.Matrix.scale(s, s), look.grey ? mupdf.ColorSpace.DeviceGray : mupdf.ColorSpace.DeviceRGB, false, false)
  const width = pix.getWidth()
  const height = pix.getHeight()
  const stride = pix.getStride()
  const src = pix.getPixels()
  const [pr, pg, pb] = look.paper
  const tints = look.grey ? [(pr + pg + pb) / 3] : [pr, pg, pb]
  const luts = tints.map((t) => Int16Array.from({ length: 256 }, (_, v) => Math.round(v * t)))
  const raw = new Uint8ClampedArray(width * height * channels)
  const [l0, l1, l2] = [luts[0]!, luts[1] ?? luts[0]!, luts[2] ?? luts[0]!]
  for (let y = 0; y < height; y++) {
    const row = (y % TILE) * TILE
    let si = y * stride
    let di = y * width * channels
    if (channels === 1)
      for (let x = 0, tx = 0; x < width; x++, tx = tx === TILE - 1 ? 0 : tx + 1) raw[di++] = l0[src[si++]!]! + grain[row + tx]!
    else
      for (let x = 0, tx = 0; x < width; x++, tx = tx === TILE - 1 ? 0 : tx + 1) {
        const n = grain[row + tx]!
        raw[di++] = l0[src[si++]!]! + n
        raw[di++] = l1[src[si++]!]! + n
        raw[di++] = l2[src[si++]!]! + n
      }
  }
  pix.destroy()
  page.destroy()
  const background = look.grey
    ? { r: Math.round(255 * tints[0]!), g: Math.round(255 * tints[0]!), b: Math.round(255 * tints[0]!) }
    : { r: Math.round(255 * pr), g: Math.round(255 * pg), b: Math.round(255 * pb) }
  const fed = (360 - look.rotation) % 360
  const sideways = fed === 90 || fed === 270
  const outW = sideways ? height : width
  const outH = sideways ? width : height
  const a = (Math.abs(look.skewDegrees) * Math.PI) / 180
  const rotW = Math.floor(outW * Math.cos(a) + outH * Math.sin(a))
  const rotH = Math.floor(outH * Math.cos(a) + outW * Math.sin(a))
  const img = sharp(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), { raw: { width, height, channels } })
    .rotate(fed + look.skewDegrees, { background })
    .extract({ left: Math.max(0, Math.floor((rotW - outW) / 2)), top: Math.max(0, Math.floor((rotH - outH) / 2)), width: outW, height: outH })
  return new Uint8Array(await img.jpeg({ quality: look.quality, chromaSubsampling: '4:2:0' }).toBuffer())
}
