import type { GrayCrop } from '../header/types'
import { alignTemplate, prepareTarget, samplePoints } from '../../../scan-pipeline/lib/template/align'
import { dilate, type Mask } from '../../../scan-pipeline/lib/template/mask'

/**
 * Where a form pixel lands on a page: turned by `angle` (radians, small: what straightening left) and
 * scaled about the centres, then shifted (page pixels).
 */
export type FormTransform = { scale: number; dx: number; dy: number; angle?: number; fit: number }

/** The affine map of a transform: page = (a·x + b·y + e, c·x + d·y + f) for a form pixel (x, y). */
export const affineOf = ({ t, form, page }: { t: FormTransform; form: { width: number; height: number }; page: { width: number; height: number } }) => {
  const cos = Math.cos(t.angle ?? 0) * t.scale
  const sin = Math.sin(t.angle ?? 0) * t.scale
  const fx = form.width / 2
  const fy = form.height / 2
  return { a: cos, b: -sin, c: sin, d: cos, e: page.width / 2 + t.dx - cos * fx + sin * fy, f: page.height / 2 + t.dy - sin * fx - cos * fy }
}

/** A page seen from the form's frame (nearest pixel), paper where it falls outside. */
export const warpInto = ({ page, t, frame }: { page: GrayCrop; t: FormTransform; frame: { width: number; height: number } }): Uint8Array => {
  const out = new Uint8Array(frame.width * frame.height).fill(255)
  const m = affineOf({ t, form: frame, page })
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      const px = Math.round(m.a * x + m.b * y + m.e)
      const py = Math.round(m.c * x + m.d * y + m.f)
      if (px >= 0 && py >= 0 && px < page.width && py < page.height) out[y * frame.width + x] = page.raw[py * page.width + px]!
    }
  }
  return out
}

export const downsample = (mask: Mask, factor: number): Mask => {
  const width = Math.floor(mask.width / factor)
  const height = Math.floor(mask.height / factor)
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let ink = 0
      for (let yy = 0; yy < factor && !ink; yy++) for (let xx = 0; xx < factor; xx++) if (mask.data[(y * factor + yy) * mask.width + x * factor + xx]) ink = 1
      data[y * width + x] = ink
    }
  return { width, height, data }
}

export const mapFormPoint = ({ x, y, t, form, page }: { x: number; y: number; t: FormTransform; form: { width: number; height: number }; page: { width: number; height: number } }) => {
  const m = affineOf({ t, form, page })
  return { x: Math.round(m.a * x + m.b * y + m.e), y: Math.round(m.c * x + m.d * y + m.f) }
}

/**
 * Aligns a blank form's print on a filled-in page, both as ink masks at the same resolution: the
 * page-matching alignment at a fifth of the resolution, then a fine search around it.
 */
export const alignForm = ({ form, page, factor = 5, from }: { form: Mask; page: Mask; factor?: number; from?: FormTransform }): FormTransform => {
  const start = from ?? (() => {
    const coarse = alignTemplate({ points: samplePoints(downsample(form, factor), 1500), target: prepareTarget(downsample(page, factor)) })
    return { scale: coarse.scale, dx: coarse.dx * factor, dy: coarse.dy * factor, fit: 0 }
  })()
  return refine({ points: samplePoints(form, 2500), form, page: dilate(page, 1), start, radius: factor + 1 })
}

const ANGLES = [-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8].map((deg) => (deg * Math.PI) / 180)

export const fitOf = ({ points, form, page, t }: { points: ReturnType<typeof samplePoints>; form: { width: number; height: number }; page: Mask; t: FormTransform }): number => {
  const m = affineOf({ t, form, page })
  const n = points.xs.length
  let hits = 0
  for (let i = 0; i < n; i++) {
    const px = points.xs[i]!
    const py = points.ys[i]!
    const x = Math.round(m.a * px + m.b * py + m.e)
    const y = Math.round(m.c * px + m.d * py + m.f)
    if (x >= 0 && y >= 0 && x < page.width && y < page.height) hits += page.data[y * page.width + x]!
  }
  return hits / Math.max(1, n)
}

/**
 * The best shift, scale and small rotation within `radius` pixels of a starting alignment, on
 * one-pixel-tolerant ink: the angle first (what straightening left over shifts the page's edges by
 * pixels), then shift and scale around it.
 */
export const refine = ({ points, form, page, start, radius }: { points: ReturnType<typeof samplePoints>; form: { width: number; height: number }; page: Mask; start: FormTransform; radius: number }): FormTransform => {
  let best: FormTransform = { ...start, fit: -1 }
  for (const angle of ANGLES)
    for (let sy = -radius; sy <= radius; sy += 2)
      for (let sx = -radius; sx <= radius; sx += 2) {
        const t = { scale: start.scale, dx: start.dx + sx, dy: start.dy + sy, angle, fit: 0 }
        t.fit = fitOf({ points, form, page, t })
        if (t.fit > best.fit) best = t
      }
  const seed = best
  for (const ds of [-0.004, 0, 0.004])
    for (const da of [-0.0017, 0, 0.0017])
      for (let sy = -1; sy <= 1; sy++)
        for (let sx = -1; sx <= 1; sx++) {
          const t = { scale: seed.scale + ds, dx: seed.dx + sx, dy: seed.dy + sy, angle: (seed.angle ?? 0) + da, fit: 0 }
          t.fit = fitOf({ points, form, page, t })
          if (t.fit > best.fit) best = t
        }
  return best
}
