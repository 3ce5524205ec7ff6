import { samplePoints } from '../../../scan-pipeline/lib/template/align'
import type { Mask } from '../../../scan-pipeline/lib/template/mask'
import { alignForm, fitOf, type FormTransform } from '../fields/align'
import type { FooterForm } from './footer'

/** Pixels the footer box may sit off the band's alignment (the band's rules pull it by a few). */
const BOX_RADIUS = 8
/** Relative scales tried around the band's: a copier's zoom moves a box at the page's side by pixels. */
const SCALES = [-0.012, -0.008, -0.004, 0, 0.004, 0.008, 0.012]
/** Radians the box may be turned from the band (a sheet that slid in the feeder is not flat). */
const TURNS = Array.from({ length: 13 }, (_, i) => ((i - 6) * 0.25 * Math.PI) / 180)

/**
 * The footer's print placed on a page's foot band: the whole band first (its rules and margin give a
 * start), then the page-number box alone, to the pixel. The digits are written inside cells and touch
 * their borders, and the print is taken away only one pixel wide: a box left two pixels off by the
 * band's rules would come back as writing, or eat the digits.
 */
export const alignFooter = ({ footer, ink }: { footer: FooterForm; ink: Mask }): FormTransform => {
  const start = alignForm({ form: footer.mask, page: ink })
  const { spot, mask } = footer
  const box = new Uint8Array(mask.data.length)
  for (let y = Math.max(0, Math.floor(spot.y0)); y < Math.min(mask.height, spot.y1); y++)
    for (let x = Math.max(0, Math.floor(spot.x0)); x < Math.min(mask.width, spot.x1); x++) box[y * mask.width + x] = mask.data[y * mask.width + x]!
  const points = samplePoints({ width: mask.width, height: mask.height, data: box }, 2000)
  if (points.xs.length < 50) return start
  // On the page's own ink, not grown by a pixel as the band's search is: one pixel matters here.
  const fit = (t: FormTransform) => ({ ...t, fit: fitOf({ points, form: mask, page: ink, t }) })
  let best = fit(start)
  // The turn and the place on a two-pixel grid, then the zoom and the last pixel around the best.
  for (const da of TURNS)
    for (let sy = -BOX_RADIUS; sy <= BOX_RADIUS; sy += 2)
      for (let sx = -BOX_RADIUS; sx <= BOX_RADIUS; sx += 2) {
        const t = fit({ ...start, dx: start.dx + sx, dy: start.dy + sy, angle: (start.angle ?? 0) + da })
        if (t.fit > best.fit) best = t
      }
  const seed = best
  for (const ds of SCALES)
    for (const da of [-0.0009, 0, 0.0009])
      for (let sy = -2; sy <= 2; sy++)
        for (let sx = -2; sx <= 2; sx++) {
          const t = fit({ scale: seed.scale * (1 + ds), dx: seed.dx + sx, dy: seed.dy + sy, angle: (seed.angle ?? 0) + da, fit: 0 })
          if (t.fit > best.fit) best = t
        }
  return best
}
