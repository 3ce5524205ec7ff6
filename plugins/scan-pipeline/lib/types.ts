// Geometry conventions: sizes in PDF points (1/72 in). Boxes are in the UPRIGHT region's
// coordinate space with a top-left origin, so they are usable directly by annotation code.

export type Rotation = 0 | 90 | 180 | 270
export type Region = 'full' | 'left' | 'right'
export type LayoutOption = 'auto' | 'a4' | 'a3-booklet'
export type PageLayout = 'single' | 'spread'

export type Box = { x: number; y: number; width: number; height: number }

export type PageError = { code: string; message: string }

export type RegionAnalysis = {
  region: Region
  rotation: Rotation
  blank: boolean
  /** share of the region covered by ink once rules, margins and the header box are ignored */
  inkRatio: number
  hasHeader: boolean
  headerBox?: Box
  hasMargin: boolean
  /** signed evidence for the chosen rotation; near 0 means the content gave no clue */
  orientationScore: number
}

export type PageAnalysis = {
  sourcePage: number
  /** page size as stored (MediaBox before /Rotate), points */
  width: number
  height: number
  /** /Rotate already present in the input; regions and rotations ignore it (contract: as stored) */
  storedRotate: Rotation
  layout: PageLayout
  regions: RegionAnalysis[]
  skewDegrees: number
  /** the page carries a text layer (a typed/born-digital document rather than a scan) */
  hasTextLayer: boolean
  error?: PageError
}

export type PlannedPage = {
  sourcePage: number
  region: Region
  rotation: Rotation
  blank: boolean
}

export type PlannedCopy = {
  pages: PlannedPage[]
  anomalies: string[]
  /** the copy starts at a page where the exam header was found */
  startsWithHeader: boolean
}

export type CopyPlan = { copies: PlannedCopy[]; anomalies: string[] }

export type ScanInfo = {
  fileName: string
  pageCount: number
  pages: { width: number; height: number; storedRotate: Rotation }[]
  /** bytes to use downstream: the input itself, or mupdf's structural repair of it (streams copied, never re-encoded) */
  bytes: Uint8Array
  repaired: boolean
}

export type ProgressEvent = { done: number; total: number; sourcePage: number }
