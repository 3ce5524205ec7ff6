import { regionFeatures } from '../../../plugins/scan-pipeline/lib/analyze/region.js'
import { analyzeRaster } from '../../../plugins/scan-pipeline/lib/analyze/page.js'
import { chooseLayout } from '../../../plugins/scan-pipeline/lib/layout/chooseLayout.js'
import { findHeaderBox } from '../../../plugins/scan-pipeline/lib/layout/header.js'
import { deskew, estimateSkew } from '../../../plugins/scan-pipeline/lib/layout/skew.js'
import { alignmentEvidence } from '../../../plugins/scan-pipeline/lib/orientation/alignment.js'
import { findMarginLine } from '../../../plugins/scan-pipeline/lib/orientation/margin.js'
import { isBlank } from '../../../plugins/scan-pipeline/lib/blank/isBlank.js'
import { inkMask } from '../../../plugins/scan-pipeline/lib/raster/background.js'
import { cropGray, rotateGray, type GrayImage } from '../../../plugins/scan-pipeline/lib/raster/gray.js'
import { blankPage, examPage, fillRect } from './draw.js'

const maskOf = (img: GrayImage) => inkMask({ image: img, background: 215, ratio: 0.8 })

describe('header box', () => {
  it('is found at the top of an upright page and at the bottom once flipped', () => {
    const page = examPage()
    const top = findHeaderBox({ mask: maskOf(page), width: page.width, height: page.height })
    expect(top?.position).toBe('top')
    expect(top!.box.width).toBeGreaterThan(250)
    const flipped = rotateGray({ image: page, rotation: 180 })
    expect(findHeaderBox({ mask: maskOf(flipped), width: page.width, height: page.height })?.position).toBe('bottom')
  })

  it('is not invented on a page of text without the printed box', () => {
    const page = examPage({ header: false, lines: 22 })
    expect(findHeaderBox({ mask: maskOf(page), width: page.width, height: page.height })).toBeUndefined()
  })
})

describe('margin rule', () => {
  it('sits left on an upright sheet, right on an upside-down one, absent on plain paper', () => {
    const page = examPage({ header: false })
    expect(findMarginLine({ mask: maskOf(page), width: page.width, height: page.height })?.side).toBe('left')
    const flipped = rotateGray({ image: page, rotation: 180 })
    expect(findMarginLine({ mask: maskOf(flipped), width: page.width, height: page.height })?.side).toBe('right')
    const plain = examPage({ header: false, margin: false })
    expect(findMarginLine({ mask: maskOf(plain), width: page.width, height: page.height })).toBeUndefined()
  })
})

describe('text alignment', () => {
  it('reads left-aligned, ragged-right lines as upright and their mirror as upside down', () => {
    const page = examPage({ header: false, margin: false, lines: 12 })
    const mask = inkMask({ image: page, background: 215 })
    expect(alignmentEvidence({ text: mask, width: page.width, height: page.height }).score).toBeGreaterThan(0.02)
    const flipped = inkMask({ image: rotateGray({ image: page, rotation: 180 }), background: 215 })
    expect(alignmentEvidence({ text: flipped, width: page.width, height: page.height }).score).toBeLessThan(-0.02)
  })
})

describe('where a page’s ink sits', () => {
  it('tells which way up only when there are lines of writing, not a page number alone', () => {
    // Issue 11: the official sheet's inner pages, left empty but for the number written in the box at their foot,
    // were read as upside down (a page is written from the top down, so ink low on it meant "turned") and their
    // print, nearly the same both ways, did not overrule it: 6 of 99 pages of the tuning class turned.
    const numberOnly = examPage({ header: false, margin: false, lines: 0 })
    // the page box at the foot, two digits written in it
    for (const [x, y, w, h] of [[200, 392, 90, 1], [200, 410, 90, 1], [200, 392, 1, 19], [289, 392, 1, 19]] as const) fillRect(numberOnly, x, y, w, h, 40)
    fillRect(numberOnly, 205, 397, 8, 9, 60)
    fillRect(numberOnly, 218, 397, 8, 9, 60)
    expect(regionFeatures({ image: numberOnly, background: 215 }).score).toBe(0)
    expect(regionFeatures({ image: rotateGray({ image: numberOnly, rotation: 180 }), background: 215 }).score).toBe(0)
    // three lines of writing from the top of the page still lean upright
    expect(regionFeatures({ image: examPage({ header: false, margin: false, lines: 3 }), background: 215 }).score).toBeGreaterThan(0)
  })
})

describe('skew', () => {
  it('measures the angle of ruled lines and deskew straightens them', () => {
    const page = examPage({ header: false, margin: false, lines: 0 })
    // shear the rules down to the right by 1.5°
    const tan = Math.tan((1.5 * Math.PI) / 180)
    const skewed = blankPage()
    for (let y = 0; y < page.height; y++)
      for (let x = 0; x < page.width; x++) {
        const sy = Math.round(y - x * tan)
        if (sy >= 0 && sy < page.height) skewed.data[y * page.width + x] = page.data[sy * page.width + x]!
      }
    const angle = estimateSkew({ image: skewed, background: 215 })
    expect(angle).toBeCloseTo(1.5, 0)
    expect(Math.abs(estimateSkew({ image: deskew({ image: skewed, degrees: angle, background: 215 }), background: 215 }))).toBeLessThan(0.3)
    expect(estimateSkew({ image: page, background: 215 })).toBeCloseTo(0, 1)
    // A page with no ink at all is not turned (it once came out at -3°, the first angle tried).
    expect(estimateSkew({ image: { width: page.width, height: page.height, data: new Uint8Array(page.width * page.height).fill(230) }, background: 215 })).toBe(0)
  })
})

describe('blank pages', () => {
  it('ignores printed structure and keeps anything written', () => {
    const ruled = regionFeatures({ image: examPage({ header: false, lines: 0 }), background: 215 })
    expect(ruled.blank).toBe(true)
    const oneLine = regionFeatures({ image: examPage({ header: false, lines: 1 }), background: 215 })
    expect(oneLine.blank).toBe(false)
    expect(isBlank({ textPixels: 0, width: 100, height: 100 })).toBe(true)
    expect(isBlank({ textPixels: 100, width: 100, height: 100 })).toBe(false)
  })
})

describe('analyzeRaster', () => {
  const dpi = 300 / (595 / 72) // the synthetic page is 300 px wide for 595 pt

  it('finds every rotation of a single A4 page', () => {
    const upright = examPage()
    for (const rotation of [0, 90, 180, 270] as const) {
      // store the page turned counter-clockwise by `rotation`: turning it back clockwise makes it upright
      const stored = rotateGray({ image: upright, rotation: ((360 - rotation) % 360) as 0 | 90 | 180 | 270 })
      const sideways = rotation === 90 || rotation === 270
      const r = analyzeRaster({ image: stored, dpi, widthPt: sideways ? 842 : 595, heightPt: sideways ? 595 : 842, layout: 'auto' })
      expect(r.layout).toBe('single')
      expect(r.regions[0]).toMatchObject({ region: 'full', rotation, hasHeader: true, blank: false })
      // header box is reported in upright points, near the top
      expect(r.regions[0]!.headerBox!.y).toBeLessThan(100)
    }
  })

  it('splits an A3 spread and gives both halves the sheet rotation', () => {
    const p1 = examPage({ header: true })
    const p4 = examPage({ header: false, lines: 0 })
    const spread = blankPage(600, 420)
    for (let y = 0; y < 420; y++) {
      spread.data.set(p4.data.subarray(y * 300, y * 300 + 300), y * 600)
      spread.data.set(p1.data.subarray(y * 300, y * 300 + 300), y * 600 + 300)
    }
    const up = analyzeRaster({ image: spread, dpi, widthPt: 1191, heightPt: 842, layout: 'auto' })
    expect(up.layout).toBe('spread')
    expect(up.regions.map((r) => [r.region, r.rotation, r.hasHeader, r.blank])).toEqual([
      ['left', 0, false, true],
      ['right', 0, true, false],
    ])
    // upside down, the halves come in the upright sheet's reading order: the stored right half first
    const down = analyzeRaster({ image: rotateGray({ image: spread, rotation: 180 }), dpi, widthPt: 1191, heightPt: 842, layout: 'a3-booklet' })
    expect(down.regions.map((r) => [r.region, r.rotation, r.hasHeader])).toEqual([
      ['right', 180, false],
      ['left', 180, true],
    ])
    // fed short edge first (stored portrait, the copier's A3): halves are the stored top and bottom
    const sideways = analyzeRaster({ image: rotateGray({ image: spread, rotation: 270 }), dpi, widthPt: 842, heightPt: 1191, layout: 'auto' })
    expect(sideways.layout).toBe('spread')
    expect(sideways.regions.map((r) => [r.region, r.rotation, r.hasHeader])).toEqual([
      ['bottom', 90, false],
      ['top', 90, true],
    ])
    const otherWay = analyzeRaster({ image: rotateGray({ image: spread, rotation: 90 }), dpi, widthPt: 842, heightPt: 1191, layout: 'auto' })
    expect(otherWay.regions.map((r) => [r.region, r.rotation, r.hasHeader])).toEqual([
      ['top', 270, false],
      ['bottom', 270, true],
    ])
    expect(cropGray({ image: spread, x: 0, width: 300 }).width).toBe(300)
    // the same sheet scanned "fit to A4": landscape at A4 size, the content says it is a spread
    const shrunk = analyzeRaster({ image: spread, dpi: dpi / 1.414, widthPt: 842, heightPt: 595, layout: 'auto' })
    expect(shrunk.layout).toBe('spread')
    expect(shrunk.regions.map((r) => r.hasHeader)).toEqual([false, true])
  })
})

describe('chooseLayout', () => {
  it('decides from size and aspect, defers to content when a landscape page is A4-sized', () => {
    expect(chooseLayout({ widthPt: 1191, heightPt: 842, layout: 'auto' })).toBe('spread')
    expect(chooseLayout({ widthPt: 595, heightPt: 842, layout: 'auto' })).toBe('single')
    expect(chooseLayout({ widthPt: 842, heightPt: 595, layout: 'auto' })).toBe('ambiguous')
    expect(chooseLayout({ widthPt: 842, heightPt: 595, layout: 'a3-booklet' })).toBe('spread')
    expect(chooseLayout({ widthPt: 1191, heightPt: 842, layout: 'a4' })).toBe('single')
    // an A3 sheet stored portrait is a spread fed short edge first, unless the exam says A4
    expect(chooseLayout({ widthPt: 842, heightPt: 1191, layout: 'a3-booklet' })).toBe('sideways-spread')
    expect(chooseLayout({ widthPt: 842, heightPt: 1191, layout: 'auto' })).toBe('sideways-spread')
    expect(chooseLayout({ widthPt: 842, heightPt: 1191, layout: 'a4' })).toBe('single')
  })
})
