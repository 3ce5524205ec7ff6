// Geometry conventions: sizes in PDF points (1/72 in). Boxes are in the UPRIGHT region's
// coordinate space with a top-left origin, so they are usable directly by annotation code.

export type Rotation = 0 | 90 | 180 | 270
/** the part of the page AS STORED: a whole page, or half of an A3 sheet (top/bottom when the sheet is stored sideways) */
export type Region = 'full' | 'left' | 'right' | 'top' | 'bottom'
export type LayoutOption = 'auto' | 'a4' | 'a3-booklet'
export type PageLayout = 'single' | 'spread'

/** An upright page's printed and written ink at DESCRIPTOR_DPI, packed (see template/mask.ts). */
export type PackedDescriptor = { width: number; height: number; bits: string }

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
  /** what the upright region looks like, for matching it with the subject's pages or with other copies */
  descriptor?: PackedDescriptor
}

export type PageAnalysis = {
  sourcePage: number
  /** page size as stored (MediaBox before /Rotate), points */
  width: number
  height: number
  /** /Rotate already present in the input; regions and rotations ignore it (contract: as stored) */
  storedRotate: Rotation
  layout: PageLayout
  /** one region, or a spread's two halves in reading order once the sheet is upright */
  regions: RegionAnalysis[]
  skewDegrees: number
  /**
   * A landscape page of A4 size is an A4 sheet fed sideways or an A3 sheet scanned "fit to page": the
   * page alone cannot always tell, so the other reading is kept for the batch to decide.
   */
  alternative?: { layout: PageLayout; regions: RegionAnalysis[]; skewDegrees: number }
  /** the page carries a text layer (a typed/born-digital document rather than a scan) */
  hasTextLayer: boolean
  /** QR codes read on the page (prepared booklets); absent on analyses stored before codes were read */
  codes?: PageCode[]
  error?: PageError
}

/** A QR code found on a page: its text, the rotation that makes it upright, its centre as a fraction of the stored page. */
export type PageCode = { text: string; rotation: Rotation; center: { x: number; y: number } }

export type PlannedPage = {
  sourcePage: number
  region: Region
  rotation: Rotation
  blank: boolean
  /** the page of the blank subject (or of the learned first page, 1) this side matched */
  subjectPage?: number
}

/** What decided where a copy starts. */
export type BoundaryEvidence =
  /** its first page matched page 1 of the exam's blank subject */
  | 'subject'
  /** its first page carries the print that every copy's first page shares in this batch */
  | 'learned-template'
  /** plain paper: the writing at the top of its first page is laid out like every copy's first page in this batch */
  | 'handwriting-layout'
  /** a prepared booklet's QR code: copy, page and orientation read, nothing guessed */
  | 'qr-code'
  /** a framed header box (the page analysis' own clue) */
  | 'header-box'
  /** the sheet's place in the batch: A3 front/back alternation, the exam's pages per copy */
  | 'sheet-structure'
  /** nothing: the batch's first pages, kept together for a person */
  | 'none'

export type PlannedCopy = {
  pages: PlannedPage[]
  anomalies: string[]
  /** the copy starts at a page that looks like a first page (subject page 1, learned first page, header) */
  startsWithHeader: boolean
  evidence: {
    boundary: BoundaryEvidence
    /** how much the best cut of the batch would lose if this copy did not start here (log-odds) */
    margin: number
    /** the start is a proposal a person should confirm */
    unsure: boolean
  }
  /** a prepared booklet: the exam and copy number its codes carry */
  booklet?: { examId: string; copyNo: number }
}

export type CopyPlan = {
  copies: PlannedCopy[]
  anomalies: string[]
  /** what the batch's copies were cut on, and the first page's print when known (subject page 1 or learned) */
  /** looseSheets: cut sheet by sheet as pieces to join by identity (the exam had copies already) */
  model: { boundary: BoundaryEvidence; firstPage?: PackedDescriptor; looseSheets?: boolean }
}

export type ScanInfo = {
  fileName: string
  pageCount: number
  pages: { width: number; height: number; storedRotate: Rotation }[]
  /** bytes to use downstream: the input itself, or mupdf's structural repair of it (streams copied, never re-encoded) */
  bytes: Uint8Array
  repaired: boolean
}

export type ProgressEvent = { done: number; total: number; sourcePage: number }
