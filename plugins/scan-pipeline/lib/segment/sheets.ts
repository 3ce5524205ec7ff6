import { bitsOfPacked, fromBits, turnBits, type BitMask, type Mask } from '../template/mask'
import type { PageAnalysis, PlannedPage, Region, RegionAnalysis, Rotation } from '../types'

/** One side of paper as the copy will show it: a whole page or half of an A3 sheet. */
export type Unit = {
  sourcePage: number
  region: Region
  /** the rotation that makes it upright, as the page analysis found it */
  rotation: Rotation
  blank: boolean
  hasHeader: boolean
  orientationScore: number
  /** its ink upright, 8 pixels a byte: a big batch's sides are all held while it is planned (see `unitMask`) */
  ink?: BitMask
}

/** A side's ink upright, unpacked for the caller (undefined when the page could not be analysed). */
export const unitMask = (unit: Unit): Mask | undefined => (unit.ink ? fromBits(unit.ink) : undefined)

/** What one scanned page is: a single side, or a spread's two halves in upright reading order. */
export type Sheet = { sourcePage: number; spread: boolean; units: Unit[]; error?: string; hasTextLayer: boolean }

const turn = (r: Rotation): Rotation => ((r + 180) % 360) as Rotation

const unitOf = (sourcePage: number, r: RegionAnalysis): Unit => ({
  sourcePage,
  region: r.region,
  rotation: r.rotation,
  blank: r.blank,
  hasHeader: r.hasHeader,
  orientationScore: r.orientationScore,
  ink: r.descriptor ? bitsOfPacked(r.descriptor) : undefined,
})

/**
 * A page that could be read either way (landscape at A4 size) follows the rest of the batch: among
 * A4 sheets it is one fed sideways, among A3 sheets scanned at A4 size it is a spread.
 */
const settleAmbiguous = (analyses: PageAnalysis[]): PageAnalysis[] => {
  const settled = analyses.filter((a) => !a.alternative && !a.error && a.regions.length > 0)
  const spreads = settled.filter((a) => a.layout === 'spread' && a.width < 1000).length
  const singles = settled.filter((a) => a.layout === 'single').length
  return analyses.map((a) => {
    if (!a.alternative) return a
    const want = singles > spreads ? 'single' : spreads > singles ? 'spread' : a.layout
    return want === a.layout ? a : { ...a, ...a.alternative, alternative: { layout: a.layout, regions: a.regions, skewDegrees: a.skewDegrees } }
  })
}

export const sheetsOf = (analyses: PageAnalysis[]): Sheet[] =>
  settleAmbiguous([...analyses])
    .sort((a, b) => a.sourcePage - b.sourcePage)
    .map((a) => {
      if (a.error || a.regions.length === 0) {
        return {
          sourcePage: a.sourcePage,
          spread: false,
          hasTextLayer: false,
          error: a.error?.message ?? 'no analysis',
          units: [{ sourcePage: a.sourcePage, region: 'full', rotation: a.storedRotate ?? 0, blank: false, hasHeader: false, orientationScore: 0 }],
        }
      }
      return { sourcePage: a.sourcePage, spread: a.layout === 'spread', hasTextLayer: a.hasTextLayer, units: a.regions.map((r) => unitOf(a.sourcePage, r)) }
    })

/** The sheet turned half a turn: each side rotated, a spread's reading order reversed. */
export const turnSheet = (sheet: Sheet): Sheet => ({
  ...sheet,
  units: [...sheet.units].reverse().map((u) => ({
    ...u,
    rotation: turn(u.rotation),
    orientationScore: -u.orientationScore,
    hasHeader: u.hasHeader,
    ink: u.ink ? turnBits(u.ink) : undefined,
  })),
})

export const plannedPage = (u: Unit): PlannedPage => ({ sourcePage: u.sourcePage, region: u.region, rotation: u.rotation, blank: u.blank })
