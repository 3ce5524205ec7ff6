import { mapPoint, type Alignment } from './align'
import { dilate, type Mask } from './mask'

/** A page's ink seen from a template's frame: what lies under each template pixel once aligned. */
export const warpToFrame = ({ mask, alignment, frame }: { mask: Mask; alignment: Alignment; frame: { width: number; height: number } }): Mask => {
  // The mapping is separable: a frame column lands on one page column, a frame row on one page row
  // (the same numbers as `mapPoint`, worked out once per column and row instead of once per pixel).
  const columns = new Int32Array(frame.width)
  for (let x = 0; x < frame.width; x++) columns[x] = mapPoint({ x, y: 0, alignment, template: frame, page: mask }).x
  const data = new Uint8Array(frame.width * frame.height)
  for (let y = 0; y < frame.height; y++) {
    const qy = mapPoint({ x: 0, y, alignment, template: frame, page: mask }).y
    if (qy < 0 || qy >= mask.height) continue
    const row = qy * mask.width
    for (let x = 0; x < frame.width; x++) {
      const qx = columns[x]!
      if (qx >= 0 && qx < mask.width) data[y * frame.width + x] = mask.data[row + qx]!
    }
  }
  return { width: frame.width, height: frame.height, data }
}

/**
 * The ink the aligned pages share: print survives, handwriting does not — not even the lines every
 * student writes on the first rules below a header, which land near the same place on every page
 * but not on the same pixels. A pixel counts when at least `share` of the pages have ink within one
 * pixel of it and a fair part (`exact`) have ink on it.
 */
export const consensus = ({ pages, frame, share = 0.75, exact = 0.4 }: { pages: Iterable<Mask>; frame: { width: number; height: number }; share?: number; exact?: number }): Mask => {
  const near = new Uint16Array(frame.width * frame.height)
  const on = new Uint16Array(frame.width * frame.height)
  let count = 0
  for (const page of pages) {
    count++
    const grown = dilate(page, 1)
    for (let i = 0; i < near.length; i++) {
      near[i]! += grown.data[i]!
      on[i]! += page.data[i]!
    }
  }
  const needNear = Math.max(1, Math.ceil(count * share))
  const needOn = Math.max(1, Math.ceil(count * exact))
  const data = new Uint8Array(near.length)
  for (let i = 0; i < near.length; i++) data[i] = near[i]! >= needNear && on[i]! >= needOn ? 1 : 0
  return { ...frame, data }
}

/** Otsu's split of a list of values: the threshold that best separates a low and a high group. */
export const twoGroups = (values: number[]): { threshold: number; low: number; high: number; separation: number } | undefined => {
  if (values.length < 2) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const prefix = [0]
  for (const v of sorted) prefix.push(prefix[prefix.length - 1]! + v)
  let best: { threshold: number; low: number; high: number; separation: number } | undefined
  let bestVar = -1
  for (let k = 1; k < n; k++) {
    const low = prefix[k]! / k
    const high = (prefix[n]! - prefix[k]!) / (n - k)
    const between = (k / n) * ((n - k) / n) * (high - low) ** 2
    if (between > bestVar) {
      bestVar = between
      best = { threshold: (sorted[k - 1]! + sorted[k]!) / 2, low, high, separation: high - low }
    }
  }
  return best
}
