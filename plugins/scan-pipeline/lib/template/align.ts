import { dilate, halve, type Mask } from './mask'

/** Ink points of a template, in its own pixel frame (DESCRIPTOR_DPI), with the frame's size. */
export type PointSet = { xs: Int16Array; ys: Int16Array; width: number; height: number }

/** Where a template sits on a scanned page: scale about the centres, then a shift (pixels). */
export type Alignment = { scale: number; dx: number; dy: number; hits: number }

/** A scanned page prepared for alignment: its ink grown by one pixel, at full, half and quarter resolution. */
export type Target = { fine: Mask; coarse: Mask; coarsest: Mask }

export const prepareTarget = (mask: Mask): Target => {
  const half = halve(mask)
  return { fine: dilate(mask, 1), coarse: dilate(half, 1), coarsest: dilate(halve(half), 1) }
}

/** Up to `max` ink pixels on a regular stride: deterministic, spread over the whole template. */
export const samplePoints = (mask: Mask, max: number): PointSet => {
  let total = 0
  for (let i = 0; i < mask.data.length; i++) total += mask.data[i]!
  const stride = Math.max(1, Math.ceil(total / max))
  const n = Math.ceil(total / stride)
  const xs = new Int16Array(n)
  const ys = new Int16Array(n)
  let seen = 0
  let k = 0
  for (let i = 0; i < mask.data.length && k < n; i++) {
    if (!mask.data[i]) continue
    if (seen++ % stride === 0) {
      xs[k] = i % mask.width
      ys[k] = Math.floor(i / mask.width)
      k++
    }
  }
  return { xs: xs.subarray(0, k), ys: ys.subarray(0, k), width: mask.width, height: mask.height }
}

/**
 * The points at one scale in a target's pixels, before any shift. Every shift the search tries is a whole
 * number of the target's pixels (a multiple of its reduction factor), so it moves these by whole pixels: the
 * rounding and the scaling are done once per scale, not once per shift.
 */
type Placed = { xs: Int32Array; ys: Int32Array }

const place = ({ points, target, scale, factor }: { points: PointSet; target: Mask; scale: number; factor: number }): Placed => {
  const ctx = points.width / 2
  const cty = points.height / 2
  const cux = (target.width * factor) / 2
  const cuy = (target.height * factor) / 2
  const n = points.xs.length
  const xs = new Int32Array(n)
  const ys = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    xs[i] = Math.round((cux + scale * (points.xs[i]! - ctx)) / factor)
    ys[i] = Math.round((cuy + scale * (points.ys[i]! - cty)) / factor)
  }
  return { xs, ys }
}

const hitsAt = ({ placed, target, sx, sy }: { placed: Placed; target: Mask; sx: number; sy: number }): number => {
  const { width: w, height: h, data } = target
  const { xs, ys } = placed
  let hits = 0
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]! + sx
    const y = ys[i]! + sy
    if (x >= 0 && y >= 0 && x < w && y < h) hits += data[y * w + x]!
  }
  return hits
}

const thin = (points: PointSet, max: number): PointSet => {
  if (points.xs.length <= max) return points
  const stride = Math.ceil(points.xs.length / max)
  const n = Math.ceil(points.xs.length / stride)
  const xs = new Int16Array(n)
  const ys = new Int16Array(n)
  for (let k = 0; k < n; k++) {
    xs[k] = points.xs[k * stride]!
    ys[k] = points.ys[k * stride]!
  }
  return { ...points, xs, ys }
}

export type AlignOptions = {
  /** largest shift tried, in full-resolution pixels (≈ 0.85 mm each at 30 dpi) */
  maxShift?: number
  /** scales tried in the coarse pass (print "fit to page", copier reductions) */
  scales?: number[]
}

const DEFAULT_SCALES = [0.88, 0.91, 0.94, 0.97, 1, 1.03, 1.06]

// Ruled paper repeats every line: shifted by one rule (or scaled to fit another) it matches almost as
// well. Among near-equal fits, the one closest to "as printed" wins.
const SCALE_PENALTY = 0.6
const SHIFT_PENALTY = 0.003
const prior = (scale: number, dx: number, dy: number) => SCALE_PENALTY * Math.abs(scale - 1) + SHIFT_PENALTY * (Math.abs(dx) + Math.abs(dy))

type Candidate = { scale: number; dx: number; dy: number; score: number; hits: number }

/** Every shift within `r` steps of (dx, dy), a step being `factor` full-resolution pixels, at one scale. */
const around = ({ points, target, scale, dx, dy, factor, r }: { points: PointSet; target: Mask; scale: number; dx: number; dy: number; factor: number; r: number }): Candidate[] => {
  const placed = place({ points, target, scale, factor })
  const out: Candidate[] = []
  for (let sy = -r; sy <= r; sy++)
    for (let sx = -r; sx <= r; sx++) {
      const x = dx + sx * factor
      const y = dy + sy * factor
      const hits = hitsAt({ placed, target, sx: x / factor, sy: y / factor }) / points.xs.length
      out.push({ scale, dx: x, dy: y, hits, score: hits - prior(scale, x, y) })
    }
  return out
}

const best = (list: Candidate[], n: number): Candidate[] => list.sort((a, b) => b.score - a.score).slice(0, n)

/**
 * Finds the shift and scale that put most of a template's ink on the page's ink, coarse to fine: every
 * shift and scale at a quarter of the resolution, then the best few refined at half and full
 * resolution. Handwriting only adds ink, so it cannot pull the alignment away from the print.
 */
export const alignTemplate = ({ points, target, maxShift = 20, scales = DEFAULT_SCALES }: { points: PointSet; target: Target } & AlignOptions): Alignment => {
  if (points.xs.length === 0) return { scale: 1, dx: 0, dy: 0, hits: 0 }
  // Shifts stay whole multiples of each level's factor: 4 at the coarsest, then ±2 and ±1 steps from there.
  const coarsest = thin(points, 150)
  const level2 = scales.flatMap((scale) => around({ points: coarsest, target: target.coarsest, scale, dx: 0, dy: 0, factor: 4, r: Math.ceil(maxShift / 4) }))
  const coarse = thin(points, 300)
  const level1 = best(level2, 4).flatMap((seed) => [-0.015, 0, 0.015].flatMap((ds) => around({ points: coarse, target: target.coarse, scale: seed.scale + ds, dx: seed.dx, dy: seed.dy, factor: 2, r: 2 })))
  const fine = thin(points, 1500)
  const level0 = best(level1, 2).flatMap((seed) => [-0.0075, 0, 0.0075].flatMap((ds) => around({ points: fine, target: target.fine, scale: seed.scale + ds, dx: seed.dx, dy: seed.dy, factor: 1, r: 1 })))
  const [winner] = best(level0, 1)
  return { scale: winner!.scale, dx: winner!.dx, dy: winner!.dy, hits: winner!.hits }
}

/** Where template pixel (x, y) falls on the page under an alignment. */
export const mapPoint = ({ x, y, alignment, template, page }: { x: number; y: number; alignment: Alignment; template: { width: number; height: number }; page: { width: number; height: number } }) => ({
  x: Math.round(page.width / 2 + alignment.scale * (x - template.width / 2) + alignment.dx),
  y: Math.round(page.height / 2 + alignment.scale * (y - template.height / 2) + alignment.dy),
})
