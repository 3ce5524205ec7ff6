import type { Rotation } from '../types'

/** 8-bit single-channel image, rows packed (stride = width). */
export type GrayImage = { width: number; height: number; data: Uint8Array }

/** Rotate clockwise by a multiple of 90°; used to undo /Rotate and to try the sideways hypotheses. */
export const rotateGray = ({ image, rotation }: { image: GrayImage; rotation: Rotation }): GrayImage => {
  if (rotation === 0) return image
  const { width: w, height: h, data } = image
  const out = new Uint8Array(w * h)
  if (rotation === 180) {
    for (let i = 0, n = w * h; i < n; i++) out[i] = data[n - 1 - i]!
    return { width: w, height: h, data: out }
  }
  // 90 cw: new width = h; pixel (x,y) goes to (h-1-y, x). 270 cw: (y, w-1-x).
  const nw = h
  const nh = w
  for (let y = 0; y < h; y++) {
    const row = y * w
    for (let x = 0; x < w; x++) {
      const v = data[row + x]!
      if (rotation === 90) out[x * nw + (h - 1 - y)] = v
      else out[(w - 1 - x) * nw + y] = v
    }
  }
  return { width: nw, height: nh, data: out }
}

export const cropGray = ({ image, x, width }: { image: GrayImage; x: number; width: number }): GrayImage => {
  const out = new Uint8Array(width * image.height)
  for (let y = 0; y < image.height; y++) {
    out.set(image.data.subarray(y * image.width + x, y * image.width + x + width), y * width)
  }
  return { width, height: image.height, data: out }
}
