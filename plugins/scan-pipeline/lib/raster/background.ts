import type { GrayImage } from './gray'

/** Paper brightness: paper covers most of any exam page, so a high-ish percentile finds it even on grey paper. */
export const estimateBackground = (image: GrayImage): number => {
  const hist = new Uint32Array(256)
  const { data } = image
  for (let i = 0; i < data.length; i += 3) hist[data[i]!]!++
  const total = Math.ceil(data.length / 3)
  let acc = 0
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!
    if (acc >= total * 0.6) return Math.max(v, 40)
  }
  return 255
}

/** Binary ink mask: clearly darker than paper. Light ruled lines stay out, pen and print are in. */
export const inkMask = ({ image, background, ratio = 0.7 }: { image: GrayImage; background: number; ratio?: number }): Uint8Array => {
  const t = background * ratio
  const { data } = image
  const out = new Uint8Array(data.length)
  for (let i = 0; i < data.length; i++) out[i] = data[i]! < t ? 1 : 0
  return out
}
