import { alignTemplate, mapPoint, prepareTarget, samplePoints } from '../../../plugins/scan-pipeline/lib/template/align'
import { warpToFrame } from '../../../plugins/scan-pipeline/lib/template/consensus'
import { dilate, fromBits, rotate180, toBits, turnBits, type Mask } from '../../../plugins/scan-pipeline/lib/template/mask'

// The planner's pixel primitives run a few thousand times per batch and are written for speed (whole empty
// bytes skipped, the mapping worked out per row and column, shifts in whole pixels): each is checked here
// against its plain definition, on sizes that are not multiples of 8 and on empty and full masks.

let seed = 12345
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const randomMask = (width: number, height: number, density: number): Mask => ({ width, height, data: Uint8Array.from({ length: width * height }, () => (random() < density ? 1 : 0)) })
const sizes: [number, number][] = [[1, 1], [1, 9], [9, 1], [7, 5], [13, 17], [40, 31], [64, 8]]
const masks = sizes.flatMap(([w, h]) => [0, 0.02, 0.3, 1].map((d) => randomMask(w, h, d)))

const dilatedByDefinition = (m: Mask, r: number): Uint8Array =>
  Uint8Array.from(m.data, (_, i) => {
    const x = i % m.width
    const y = Math.floor(i / m.width)
    for (let yy = Math.max(0, y - r); yy <= Math.min(m.height - 1, y + r); yy++)
      for (let xx = Math.max(0, x - r); xx <= Math.min(m.width - 1, x + r); xx++) if (m.data[yy * m.width + xx]) return 1
    return 0
  })

describe('template pixel primitives', () => {
  it('dilation by 1 and by 2 inks exactly the pixels within that square of ink', () => {
    for (const m of masks) for (const r of [1, 2]) expect(Array.from(dilate(m, r).data)).toEqual(Array.from(dilatedByDefinition(m, r)))
  })

  it('bits packed 8 a byte unpack to the same pixels, and turn like the pixels turn', () => {
    for (const m of masks) {
      expect(Array.from(fromBits(toBits(m)).data)).toEqual(Array.from(m.data))
      expect(Array.from(fromBits(turnBits(toBits(m))).data)).toEqual(Array.from(rotate180(m).data))
    }
  })

  it('a page warped to a frame holds, at every frame pixel, the page pixel the alignment maps it to', () => {
    const page = randomMask(50, 60, 0.2)
    for (const alignment of [{ scale: 1, dx: 0, dy: 0, hits: 0 }, { scale: 1.04, dx: -7, dy: 5, hits: 0 }, { scale: 0.9, dx: 30, dy: -70, hits: 0 }])
      for (const frame of [{ width: 50, height: 60 }, { width: 37, height: 71 }]) {
        const warped = warpToFrame({ mask: page, alignment, frame })
        const expected = Uint8Array.from({ length: frame.width * frame.height }, (_, i) => {
          const q = mapPoint({ x: i % frame.width, y: Math.floor(i / frame.width), alignment, template: frame, page })
          return q.x >= 0 && q.y >= 0 && q.x < page.width && q.y < page.height ? page.data[q.y * page.width + q.x]! : 0
        })
        expect(Array.from(warped.data)).toEqual(Array.from(expected))
      }
  })

  it('alignment finds where a printed template was moved on the page', () => {
    // Print: small framed boxes (labels, cells) over a 120 × 160 page (30 dpi A4-ish), moved by (9, -6) pixels.
    const template: Mask = { width: 120, height: 160, data: new Uint8Array(120 * 160) }
    for (let k = 0; k < 25; k++) {
      const [x0, y0] = [10 + Math.floor(random() * 90), 10 + Math.floor(random() * 130)]
      const [w, h] = [3 + Math.floor(random() * 8), 3 + Math.floor(random() * 6)]
      for (let x = x0; x <= x0 + w; x++) for (const y of [y0, y0 + h]) template.data[y * 120 + x] = 1
      for (let y = y0; y <= y0 + h; y++) for (const x of [x0, x0 + w]) template.data[y * 120 + x] = 1
    }
    const page: Mask = { width: 120, height: 160, data: new Uint8Array(120 * 160) }
    for (let i = 0; i < template.data.length; i++) {
      if (!template.data[i]) continue
      const [x, y] = [(i % 120) + 9, Math.floor(i / 120) - 6]
      if (x >= 0 && x < 120 && y >= 0 && y < 160) page.data[y * 120 + x] = 1
    }
    // Writing scattered over the page does not pull the alignment away.
    for (let i = 0; i < page.data.length; i++) if (random() < 0.03) page.data[i] = 1
    const alignment = alignTemplate({ points: samplePoints(template, 1500), target: prepareTarget(page) })
    // The page's ink is grown by a pixel before it is searched: a shift one pixel short fits as well.
    expect(Math.abs(alignment.scale - 1)).toBeLessThanOrEqual(0.01)
    expect(Math.abs(alignment.dx - 9)).toBeLessThanOrEqual(1)
    expect(Math.abs(alignment.dy + 6)).toBeLessThanOrEqual(1)
    expect(alignment.hits).toBeGreaterThan(0.95)
  })
})
