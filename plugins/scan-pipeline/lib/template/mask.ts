import type { GrayImage } from '../raster/gray'

/** A binary image, one byte per pixel (0 or 1), rows packed. */
export type Mask = { width: number; height: number; data: Uint8Array }

/** Resolution of the masks that pages are compared on: enough to keep printed words apart, cheap to compare. */
export const DESCRIPTOR_DPI = 30

/**
 * Printed and written ink of an upright page, `factor` times smaller (a cell is ink when any of its
 * pixels is). The threshold is looser than the blank test's: light grey print (letter cells, dotted
 * rules) is part of what a page looks like, light-blue ruling is not.
 */
export const inkDescriptor = ({ image, background, factor = 2, ratio = 0.75, border = 0.015 }: { image: GrayImage; background: number; factor?: number; ratio?: number; border?: number }): Mask => {
  const width = Math.floor(image.width / factor)
  const height = Math.floor(image.height / factor)
  const data = new Uint8Array(width * height)
  const t = background * ratio
  // the scanner's own edges (dark borders, shadows) are not the paper's
  const bx = Math.ceil(width * border)
  const by = Math.ceil(height * border)
  for (let y = by; y < height - by; y++) {
    for (let x = bx; x < width - bx; x++) {
      let ink = 0
      for (let yy = 0; yy < factor && !ink; yy++) {
        const row = (y * factor + yy) * image.width + x * factor
        for (let xx = 0; xx < factor; xx++) {
          if (image.data[row + xx]! < t) {
            ink = 1
            break
          }
        }
      }
      data[y * width + x] = ink
    }
  }
  return { width, height, data }
}

/** Each ink pixel also inks its neighbour on either side, along rows or along columns. */
const growOne = ({ width: w, height: h, data }: Mask, along: 'rows' | 'columns'): Uint8Array => {
  const out = new Uint8Array(w * h)
  const step = along === 'rows' ? 1 : w
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      if (!data[i]) continue
      out[i] = 1
      if (along === 'rows' ? x > 0 : y > 0) out[i - step] = 1
      if (along === 'rows' ? x + 1 < w : y + 1 < h) out[i + step] = 1
    }
  return out
}

/** Dilation by one pixel, the 3×3 square: what alignment and consensus grow every page by. */
const dilateOne = (mask: Mask): Mask => {
  const { width, height } = mask
  return { width, height, data: growOne({ width, height, data: growOne(mask, 'rows') }, 'columns') }
}

/** Square dilation by r pixels (separable max). */
export const dilate = (mask: Mask, r: number): Mask => {
  if (r <= 0) return mask
  if (r === 1) return dilateOne(mask)
  const { width: w, height: h, data } = mask
  const tmp = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const row = y * w
    let run = -1
    // distance to the last ink pixel seen, forward then backward
    for (let x = 0; x < w; x++) {
      if (data[row + x]) run = x
      if (run >= 0 && x - run <= r) tmp[row + x] = 1
    }
    run = -1
    for (let x = w - 1; x >= 0; x--) {
      if (data[row + x]) run = x
      if (run >= 0 && run - x <= r) tmp[row + x] = 1
    }
  }
  const out = new Uint8Array(w * h)
  for (let x = 0; x < w; x++) {
    let run = -1
    for (let y = 0; y < h; y++) {
      if (tmp[y * w + x]) run = y
      if (run >= 0 && y - run <= r) out[y * w + x] = 1
    }
    run = -1
    for (let y = h - 1; y >= 0; y--) {
      if (tmp[y * w + x]) run = y
      if (run >= 0 && run - y <= r) out[y * w + x] = 1
    }
  }
  return { width: w, height: h, data: out }
}

/** Half the resolution, a cell inked when any of its four pixels is. */
export const halve = (mask: Mask): Mask => {
  const width = Math.floor(mask.width / 2)
  const height = Math.floor(mask.height / 2)
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const a = 2 * y * mask.width
    const b = a + mask.width
    for (let x = 0; x < width; x++) {
      const i = 2 * x
      data[y * width + x] = mask.data[a + i]! | mask.data[a + i + 1]! | mask.data[b + i]! | mask.data[b + i + 1]!
    }
  }
  return { width, height, data }
}

export const rotate180 = (mask: Mask): Mask => {
  const n = mask.data.length
  const data = new Uint8Array(n)
  for (let i = 0; i < n; i++) data[i] = mask.data[n - 1 - i]!
  return { width: mask.width, height: mask.height, data }
}

export const countOnes = (mask: Mask): number => {
  let n = 0
  for (let i = 0; i < mask.data.length; i++) n += mask.data[i]!
  return n
}

/**
 * A mask kept 8 pixels per byte in memory: what planning holds per page of a big batch (11 kB for an A4
 * side instead of 87 kB), unpacked one page at a time where pixels are worked on.
 */
export type BitMask = { width: number; height: number; bytes: Uint8Array }

export const toBits = (mask: Mask): BitMask => {
  const bytes = new Uint8Array(Math.ceil(mask.data.length / 8))
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i]) bytes[i >> 3]! |= 1 << (i & 7)
  return { width: mask.width, height: mask.height, bytes }
}

export const fromBits = ({ width, height, bytes }: BitMask): Mask => {
  const n = width * height
  const data = new Uint8Array(n)
  // A page is mostly paper: whole empty bytes are skipped.
  for (let b = 0; b < bytes.length; b++) {
    const v = bytes[b]!
    if (v === 0) continue
    const end = Math.min(8, n - (b << 3))
    for (let k = 0; k < end; k++) data[(b << 3) + k] = (v >> k) & 1
  }
  return { width, height, data }
}

export const bitAt = (bits: BitMask, i: number): number => (bits.bytes[i >> 3]! >> (i & 7)) & 1

/** The same bits turned half a turn (the last pixel first), without unpacking them. */
export const turnBits = (bits: BitMask): BitMask => {
  const n = bits.width * bits.height
  const bytes = new Uint8Array(bits.bytes.length)
  for (let b = 0; b < bits.bytes.length; b++) {
    const v = bits.bytes[b]!
    if (v === 0) continue
    for (let k = 0; k < 8; k++) {
      const i = (b << 3) + k
      if (i < n && (v >> k) & 1) bytes[(n - 1 - i) >> 3]! |= 1 << ((n - 1 - i) & 7)
    }
  }
  return { width: bits.width, height: bits.height, bytes }
}

/** Bits packed 8 per byte, base64: what is stored with a page's analysis (~15 kB for an A4 side). */
export type PackedMask = { width: number; height: number; bits: string }

export const packMask = (mask: Mask): PackedMask => {
  const { width, height, bytes } = toBits(mask)
  return { width, height, bits: Buffer.from(bytes).toString('base64') }
}

/** A stored mask's bits as they are (no pixel unpacked). */
export const bitsOfPacked = (packed: PackedMask): BitMask => {
  const bytes = new Uint8Array(Buffer.from(packed.bits, 'base64'))
  if (bytes.length * 8 < packed.width * packed.height) throw new RangeError(`a ${packed.width}×${packed.height} mask needs ${Math.ceil((packed.width * packed.height) / 8)} bytes, got ${bytes.length}`)
  return { width: packed.width, height: packed.height, bytes }
}

export const unpackMask = (packed: PackedMask): Mask => fromBits(bitsOfPacked(packed))
