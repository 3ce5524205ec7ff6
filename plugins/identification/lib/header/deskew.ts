import sharp from 'sharp'

import type { GrayCrop } from './types'

const INK = 140

/**
 * Skew of a header crop, in degrees (positive: lines rise to the right in the image), from the
 * projection profile: rows of print and box edges line up sharply only at the true angle. Scans
 * lean by a degree or two, which over the width of a name field moves a line by a whole row of text.
 */
export const estimateSkew = ({ image, maxDegrees = 4, step = 0.2 }: { image: GrayCrop; maxDegrees?: number; step?: number }): number => {
  const { raw, width, height } = image
  const xs: number[] = [], ys: number[] = []
  // Subsampling keeps this cheap; edges and text rows are long enough to survive it.
  for (let y = 0; y < height; y += 2) for (let x = 0; x < width; x += 2) if (raw[y * width + x]! < INK) { xs.push(x); ys.push(y) }
  if (xs.length < 50) return 0
  let best = 0, bestScore = -1
  const rows = new Float64Array(height + 2 * Math.ceil(width * Math.tan((maxDegrees * Math.PI) / 180)) + 4)
  const offset = (rows.length - height) / 2
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += step) {
    const t = Math.tan((deg * Math.PI) / 180)
    rows.fill(0)
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round(ys[i]! + xs[i]! * t + offset)
      if (r >= 0 && r < rows.length) rows[r]! += 1
    }
    let score = 0
    for (let r = 0; r < rows.length; r++) score += rows[r]! * rows[r]!
    if (score > bestScore) { bestScore = score; best = deg }
  }
  return Math.round(best * 100) / 100
}

/** The crop turned level (white where the rotation uncovers new pixels). */
export const deskew = async ({ image }: { image: GrayCrop }): Promise<GrayCrop & { angle: number }> => {
  const angle = estimateSkew({ image })
  if (Math.abs(angle) < 0.15) return { ...image, angle }
  const { data, info } = await sharp(Buffer.from(image.raw), { raw: { width: image.width, height: image.height, channels: 1 } })
    .rotate(angle, { background: { r: 255, g: 255, b: 255 } })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  // sharp may hand back more than one channel after rotate; keep the first.
  const channels = info.channels
  const raw = channels === 1 ? new Uint8Array(data.buffer, data.byteOffset, data.length) : Uint8Array.from({ length: info.width * info.height }, (_, i) => data[i * channels]!)
  return { raw, width: info.width, height: info.height, angle }
}
