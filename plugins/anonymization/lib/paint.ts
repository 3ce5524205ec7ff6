import { clip, type ZoneBox } from './zones'

/** The paint of a masked zone: light grey (not paper white, so a marker sees something was hidden), darker edge. */
export const MASK_FILL = 226
export const MASK_EDGE = 170

/**
 * Overwrites every pixel of the zones (PDF points of the upright page) in an RGB raster: the pixels are
 * replaced, not covered, so nothing of the ink survives in the file. Returns how many zones touched the page.
 */
export const paintZones = ({ rgb, width, height, scale, zones, page }: { rgb: Uint8Array; width: number; height: number; scale: number; zones: ZoneBox[]; page: { width: number; height: number } }): number => {
  let painted = 0
  for (const zone of zones) {
    const box = clip(zone, page)
    if (!box) continue
    painted++
    // Outward rounding: a pixel partly inside the zone is painted too.
    const px0 = Math.max(0, Math.floor(box.x * scale)), py0 = Math.max(0, Math.floor(box.y * scale))
    const px1 = Math.min(width, Math.ceil((box.x + box.width) * scale)), py1 = Math.min(height, Math.ceil((box.y + box.height) * scale))
    for (let y = py0; y < py1; y++) {
      for (let x = px0; x < px1; x++) {
        const edge = y < py0 + 2 || y >= py1 - 2 || x < px0 + 2 || x >= px1 - 2
        const v = edge ? MASK_EDGE : MASK_FILL
        const i = (y * width + x) * 3
        rgb[i] = v
        rgb[i + 1] = v
        rgb[i + 2] = v
      }
    }
  }
  return painted
}
