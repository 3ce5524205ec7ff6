import { dilate } from '../../../scan-pipeline/lib/template/mask'
import { inkOf } from './page'

/**
 * Each pixel's lightest and second-lightest value over images of one size, taken one at a time (a caller
 * may warp each page just before it is counted and let it go after). Print is dark on every page,
 * handwriting on few: the lightest keeps print only; the second forgives one page a little off.
 * `confirmed`: the lightest over every layer but the `outlier`-th (the page aligned worst), else `first`.
 */
export const lightestOf = ({ size, layers, outlier }: { size: number; layers: Iterable<Uint8Array>; outlier?: number }) => {
  const first = new Uint8Array(size)
  const second = new Uint8Array(size)
  const confirmed = outlier === undefined ? first : new Uint8Array(size)
  let count = 0
  for (const layer of layers) {
    const counted = confirmed !== first && count !== outlier
    count++
    for (let i = 0; i < size; i++) {
      const v = layer[i]!
      if (v > first[i]!) {
        second[i] = first[i]!
        first[i] = v
      } else if (v > second[i]!) second[i] = v
      if (counted && v > confirmed[i]!) confirmed[i] = v
    }
  }
  return { first, second, confirmed, count }
}

/** How far (pixels) from print every page shows the second-lightest value may still count as print. */
const FORGIVEN = 4

/**
 * The print of aligned pages from their lightest values: the second-lightest (one page a little off is
 * forgiven) only within FORGIVEN pixels of what every page prints (`confirmed`: every page but the one aligned
 * worst), the lightest elsewhere. Where each page has writing in the same place — the first cells of a name
 * written one letter per cell, a student's several sheets among the pages learned from — the second-lightest
 * keeps a ghost of letters, which garbles the labels OCR reads there and pulls the pages' alignment towards one
 * student's writing (official-a3-heldout without subject: 0 % named); print is never there alone. Fewer than
 * `many` layers: the lightest.
 */
export const printOfLayers = ({ first, second, confirmed, count, width, height, many = 5 }: { first: Uint8Array; second: Uint8Array; confirmed: Uint8Array; count: number; width: number; height: number; many?: number }): Uint8Array => {
  if (count < many) return first
  const everywhere = dilate({ width, height, data: inkOf({ raw: confirmed, width, height }) }, FORGIVEN).data
  const out = new Uint8Array(first.length)
  for (let i = 0; i < out.length; i++) out[i] = everywhere[i] ? second[i]! : first[i]!
  return out
}
