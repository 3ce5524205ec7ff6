import type { GrayImage } from '../raster/gray'

/** The pixels a profile counts (every 4th column, darker than the paper), in row order, with how much darker. */
type Ink = { xs: Int32Array; ys: Int32Array; weights: Float64Array; height: number; width: number }

const inkOf = ({ image, background }: { image: GrayImage; background: number }): Ink => {
  const { width: w, height: h, data } = image
  let n = 0
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x += 4) if (background - 10 - data[y * w + x]! > 0) n++
  const xs = new Int32Array(n)
  const ys = new Int32Array(n)
  const weights = new Float64Array(n)
  let k = 0
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x += 4) {
      const d = background - 10 - data[y * w + x]!
      if (d <= 0) continue
      xs[k] = x
      ys[k] = y
      weights[k++] = d
    }
  return { xs, ys, weights, height: h, width: w }
}

// Most of a page is paper: the angles tried walk the ink found once, not the whole page each time.
const profileScore = ({ ink, tan }: { ink: Ink; tan: number }): number => {
  const { xs, ys, weights, height: h, width: w } = ink
  const offset = Math.ceil(Math.abs(tan) * w) + 1
  const hist = new Float64Array(h + 2 * offset)
  for (let i = 0; i < xs.length; i++) hist[Math.round(ys[i]! - xs[i]! * tan) + offset]! += weights[i]!
  let s = 0
  for (let i = 0; i < hist.length; i++) s += hist[i]! * hist[i]!
  return s
}

/**
 * Angle (degrees, clockwise positive on screen) of the page's horizontal structure: ruled lines
 * and text lines. Found by maximising the sharpness of the sheared row profile.
 */
export const estimateSkew = ({ image, background, maxDegrees = 3 }: { image: GrayImage; background: number; maxDegrees?: number }): number => {
  const ink = inkOf({ image, background })
  // Nothing darker than the paper: no structure to straighten (every angle scored 0, and the first tried, -3°, won).
  if (ink.xs.length === 0) return 0
  const evalAt = (deg: number) => profileScore({ ink, tan: Math.tan((deg * Math.PI) / 180) })
  let best = 0
  let bestScore = -1
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += 0.25) {
    const s = evalAt(deg)
    if (s > bestScore) [best, bestScore] = [deg, s]
  }
  const coarse = best
  for (let deg = coarse - 0.2; deg <= coarse + 0.2 + 1e-9; deg += 0.05) {
    const s = evalAt(deg)
    if (s > bestScore) [best, bestScore] = [deg, s]
  }
  return Math.round(best * 100) / 100
}

/** Rotate by -angle (nearest neighbour) so horizontal structure becomes axis-aligned; fills with paper. */
export const deskew = ({ image, degrees, background }: { image: GrayImage; degrees: number; background: number }): GrayImage => {
  if (Math.abs(degrees) < 0.05) return image
  const { width: w, height: h, data } = image
  const a = (degrees * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const cx = w / 2
  const cy = h / 2
  const out = new Uint8Array(w * h)
  const fill = Math.min(255, Math.round(background))
  for (let y = 0; y < h; y++) {
    const dy = y - cy
    for (let x = 0; x < w; x++) {
      const dx = x - cx
      // destination pixel comes from the source rotated forward by the skew angle
      const sx = Math.round(cx + dx * cos - dy * sin)
      const sy = Math.round(cy + dx * sin + dy * cos)
      out[y * w + x] = sx >= 0 && sx < w && sy >= 0 && sy < h ? data[sy * w + sx]! : fill
    }
  }
  return { width: w, height: h, data: out }
}
