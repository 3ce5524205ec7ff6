import * as mupdf from 'mupdf'
import type { Box, Truth, TruthPage } from '../../../tools/papers/index.js'

const W = 595
const H = 842

/** Where a point of the upright A4 page lands on the page as displayed (after /Rotate), per the truth's region and rotation. */
export const displayedPoint = ({ page, u, v }: { page: TruthPage; u: number; v: number }): [number, number] => {
  const [x, y] = page.rotation === 0 ? [u, v] : page.rotation === 180 ? [W - u, H - v] : page.rotation === 90 ? [v, W - u] : [H - v, u]
  const dx = page.region === 'right' ? W + 1 : 0
  const dy = page.region === 'bottom' ? W + 1 : 0
  return [x + dx, y + dy]
}

export const displayedBox = ({ page, box }: { page: TruthPage; box: Box }): Box => {
  const a = displayedPoint({ page, u: box.x, v: box.y })
  const b = displayedPoint({ page, u: box.x + box.width, v: box.y + box.height })
  return { x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]), width: Math.abs(a[0] - b[0]), height: Math.abs(a[1] - b[1]) }
}

/** A PDF's pages as a viewer shows them: size after /Rotate and a grey raster on demand. */
export const openDisplayed = (bytes: Uint8Array) => {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF()!
  return {
    count: doc.countPages(),
    info: (index: number) => {
      const page = doc.loadPage(index)
      const [x0, y0, x1, y1] = page.getBounds()
      return { width: Math.round(x1 - x0), height: Math.round(y1 - y0) }
    },
    /** the displayed page as grey pixels at `scale` */
    raster: (index: number, scale: number) => {
      const pix = doc.loadPage(index).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false, true)
      const r = { width: pix.getWidth(), height: pix.getHeight(), stride: pix.getStride(), px: pix.getPixels().slice() }
      pix.destroy()
      return r
    },
    destroy: () => doc.destroy(),
  }
}

/** Checks what a truth says against the PDF it describes; returns the problems found. */
export const checkTruthAgainstPdf = ({ truth, bytes }: { truth: Truth; bytes: Uint8Array }): string[] => {
  const problems: string[] = []
  const pdf = openDisplayed(bytes)
  try {
    if (pdf.count !== truth.pageCount) problems.push(`pageCount ${truth.pageCount}, PDF has ${pdf.count}`)
    const seen = new Map<number, string[]>()
    truth.copies.forEach((copy, ci) => {
      for (const p of copy.pages) {
        if (p.source_page < 1 || p.source_page > pdf.count) {
          problems.push(`copy ${ci}: source_page ${p.source_page} out of range`)
          continue
        }
        seen.set(p.source_page, [...(seen.get(p.source_page) ?? []), p.region])
        const { width, height } = pdf.info(p.source_page - 1)
        const portrait = height > width
        const expected =
          p.region === 'full'
            ? p.rotation % 180 === 0
              ? [W, H]
              : [H, W]
            : p.region === 'left' || p.region === 'right'
              ? [2 * W + 1, H]
              : [H, 2 * W + 1]
        if (width !== expected[0] || height !== expected[1]) problems.push(`copy ${ci}: page ${p.source_page} ${p.region} displayed ${width}x${height}, expected ${expected.join('x')}`)
        if ((p.region === 'top' || p.region === 'bottom') && !portrait) problems.push(`copy ${ci}: ${p.region} on a landscape page`)
        if (p.written && (p.written.n < 1 || p.written.n > p.written.total)) problems.push(`copy ${ci}: written ${p.written.n}/${p.written.total}`)
      }
      for (const z of copy.identityZones) {
        const page = copy.pages[z.page]
        if (!page) problems.push(`copy ${ci}: zone on page ${z.page} of ${copy.pages.length}`)
        else if (page.subject_page !== 1) problems.push(`copy ${ci}: ${z.field} zone on subject page ${page.subject_page}`)
        const b = z.box
        if (b.x < 0 || b.y < 0 || b.width <= 0 || b.height <= 0 || b.x + b.width > W || b.y + b.height > H) problems.push(`copy ${ci}: ${z.field} zone ${JSON.stringify(b)} outside the page`)
      }
    })
    for (let i = 1; i <= pdf.count; i++) {
      const regions = seen.get(i) ?? []
      if (regions.length === 0) problems.push(`page ${i} belongs to no copy`)
      if (new Set(regions).size !== regions.length) problems.push(`page ${i}: region listed twice`)
    }
  } finally {
    pdf.destroy()
  }
  return problems
}

type Raster = { width: number; height: number; stride: number; px: ArrayLike<number> }

const at = (r: Raster, x: number, y: number) => {
  const xi = Math.round(x)
  const yi = Math.round(y)
  return xi < 0 || yi < 0 || xi >= r.width || yi >= r.height ? 255 : r.px[yi * r.stride + xi]!
}

/**
 * Fraction of an identity zone covered by handwriting: pixels dark on the scan where the blank subject has
 * no print nearby. The zone is read in upright coordinates and looked up on the displayed scan through the
 * truth's region and rotation, so a wrong region, rotation or box finds no handwriting (use a `clean` batch:
 * no skew, no grain).
 */
export const handwritingIn = ({ scan, subject, page, box, scale = 1.5 }: { scan: Raster; subject: Raster; page: TruthPage; box: Box; scale?: number }): number => {
  const paper: number[] = []
  for (let v = box.y; v < box.y + box.height; v += 2 / scale)
    for (let u = box.x; u < box.x + box.width; u += 2 / scale) {
      const [x, y] = displayedPoint({ page, u, v })
      paper.push(at(scan, x * scale, y * scale))
    }
  paper.sort((a, b) => a - b)
  const level = paper[Math.floor(paper.length * 0.9)]!
  let hand = 0
  let all = 0
  for (let v = box.y; v < box.y + box.height; v += 1 / scale)
    for (let u = box.x; u < box.x + box.width; u += 1 / scale) {
      all++
      const [x, y] = displayedPoint({ page, u, v })
      if (at(scan, x * scale, y * scale) >= level * 0.55) continue
      let printed = false
      for (let dy = -3; dy <= 3 && !printed; dy++) for (let dx = -3; dx <= 3 && !printed; dx++) printed = at(subject, u * scale + dx, v * scale + dy) < 170
      if (!printed) hand++
    }
  return all ? hand / all : 0
}
