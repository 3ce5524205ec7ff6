import type { LayoutOption, PageLayout } from '../types'

/** Wider than any A4 (842 pt) by a clear margin: an A3 sheet scanned flat. */
const SPREAD_MIN_WIDTH_PT = 1000

/**
 * From size and aspect alone. 'ambiguous' (auto layout only): landscape but A4-sized — the
 * content decides (see analyzeRaster).
 */
export const chooseLayout = ({ widthPt, heightPt, layout }: { widthPt: number; heightPt: number; layout: LayoutOption }): PageLayout | 'sideways-spread' | 'ambiguous' => {
  const landscape = widthPt > heightPt * 1.15
  const portrait = heightPt > widthPt * 1.15
  if (layout === 'a4') return 'single'
  // Copiers feed A3 short edge first: the sheet is stored portrait (often with /Rotate 90 or 270 for
  // viewers), its two halves one above the other.
  if (portrait && heightPt >= SPREAD_MIN_WIDTH_PT) return 'sideways-spread'
  if (!landscape) return 'single'
  if (layout === 'a3-booklet') return 'spread'
  return widthPt >= SPREAD_MIN_WIDTH_PT ? 'spread' : 'ambiguous'
}
