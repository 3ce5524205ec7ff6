import { deskew, estimateSkew } from '../layout/skew'
import { chooseLayout } from '../layout/chooseLayout'
import { estimateBackground } from '../raster/background'
import { cropGray, rotateGray, type GrayImage } from '../raster/gray'
import { inkDescriptor, packMask } from '../template/mask'
import type { Box, LayoutOption, PageLayout, Region, RegionAnalysis, Rotation } from '../types'
import { regionFeatures, type RegionFeatures } from './region'

export type RasterAnalysis = { layout: PageLayout; regions: RegionAnalysis[]; skewDegrees: number; alternative?: Omit<RasterAnalysis, 'alternative'> }

const toUprightPoints = ({ box, flipped, width, height, dpi }: { box: Box; flipped: boolean; width: number; height: number; dpi: number }): Box => {
  const k = 72 / dpi
  const x = flipped ? width - (box.x + box.width) : box.x
  const y = flipped ? height - (box.y + box.height) : box.y
  const r = (v: number) => Math.round(v * k * 10) / 10
  return { x: r(x), y: r(y), width: r(box.width), height: r(box.height) }
}

const regionResult = ({
  region,
  f,
  rotation,
  flipped,
  image,
  dpi,
  background,
}: {
  region: Region
  f: RegionFeatures
  rotation: Rotation
  flipped: boolean
  image: GrayImage
  dpi: number
  background: number
}): RegionAnalysis => ({
  region,
  rotation,
  blank: f.blank,
  inkRatio: Math.round(f.inkRatio * 1e5) / 1e5,
  hasHeader: Boolean(f.header),
  ...(f.header ? { headerBox: toUprightPoints({ box: f.header.box, flipped, width: image.width, height: image.height, dpi }) } : {}),
  hasMargin: Boolean(f.margin),
  orientationScore: Math.round((flipped ? -f.score : f.score) * 100) / 100,
  descriptor: packMask(inkDescriptor({ image: flipped ? rotateGray({ image, rotation: 180 }) : image, background, factor: Math.max(1, Math.round(dpi / 30)) })),
})

/**
 * Analyse one rendered page (stored orientation). A spread's two halves share one rotation
 * (they are one sheet of paper), so their evidence is pooled.
 */
export const analyzeRaster = ({ image, dpi, widthPt, heightPt, layout }: { image: GrayImage; dpi: number; widthPt: number; heightPt: number; layout: LayoutOption }): RasterAnalysis => {
  const choice = chooseLayout({ widthPt, heightPt, layout })
  if (choice === 'ambiguous') {
    // A landscape page of A4 size: an A4 sheet fed sideways, or an A3 sheet scanned "fit to
    // page". Read it both ways and keep the reading whose printed structure is clearest.
    const spread = analyzeAs({ image, dpi, pageLayout: 'spread' })
    const single = analyzeAs({ image, dpi, pageLayout: 'single' })
    return structureEvidence(spread) > structureEvidence(single) ? { ...spread, alternative: single } : { ...single, alternative: spread }
  }
  return analyzeAs({ image, dpi, pageLayout: choice })
}

/** Printed structure found (margin rules, header boxes) per A4 side, plus orientation clarity. */
const structureEvidence = (r: RasterAnalysis): number => {
  const perRegion = r.regions.map((g) => (g.hasMargin ? 1 : 0) + (g.hasHeader ? 1 : 0) + Math.min(Math.abs(g.orientationScore), 10) / 20)
  return perRegion.reduce((a, b) => a + b, 0) / perRegion.length
}

const analyzeAs = ({ image, dpi, pageLayout }: { image: GrayImage; dpi: number; pageLayout: PageLayout | 'sideways-spread' }): RasterAnalysis => {
  const landscape = image.width > image.height
  // A single page stored landscape is an A4 sheet fed sideways, a spread stored portrait an A3 sheet
  // fed short edge first: turn either a quarter first, then decide upright or upside down.
  const base: Rotation = (pageLayout === 'single' && landscape) || pageLayout === 'sideways-spread' ? 90 : 0
  const oriented = rotateGray({ image, rotation: base })
  const background = estimateBackground(oriented)
  const skewDegrees = estimateSkew({ image: oriented, background })
  const straight = deskew({ image: oriented, degrees: skewDegrees, background })

  if (pageLayout === 'single') {
    const f = regionFeatures({ image: straight, background })
    const flipped = f.score < 0
    const rotation = ((base + (flipped ? 180 : 0)) % 360) as Rotation
    return { layout: 'single', skewDegrees, regions: [regionResult({ region: 'full', f, rotation, flipped, image: straight, dpi, background })] }
  }
  const half = Math.floor(straight.width / 2)
  const left = cropGray({ image: straight, x: 0, width: half })
  const right = cropGray({ image: straight, x: straight.width - half, width: half })
  const fl = regionFeatures({ image: left, background })
  const fr = regionFeatures({ image: right, background })
  const flipped = fl.score + fr.score < 0
  const rotation = ((base + (flipped ? 180 : 0)) % 360) as Rotation
  // Turned a quarter clockwise, the stored page's bottom half is on the left.
  const [leftName, rightName]: [Region, Region] = base === 90 ? ['bottom', 'top'] : ['left', 'right']
  const l = regionResult({ region: leftName, f: fl, rotation, flipped, image: left, dpi, background })
  const r = regionResult({ region: rightName, f: fr, rotation, flipped, image: right, dpi, background })
  // Regions in reading order of the upright sheet: upside down, the right half comes first.
  return { layout: 'spread', skewDegrees, regions: flipped ? [r, l] : [l, r] }
}
