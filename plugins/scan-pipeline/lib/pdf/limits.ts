/**
 * What one scan batch may cost. A scan is a picture per page; these bounds are far above any real
 * exam batch and far below what stalls a worker (a 20,000-page file of blank pages, a page whose
 * content inflates to gigabytes, a 50000 × 50000 image).
 */
export type ScanLimits = {
  /** pages in one batch */
  maxPages: number
  /** pixels of the images one page draws (declared sizes, summed over the page's distinct images) */
  maxPagePixels: number
  /** bytes one page's drawing instructions (content streams, forms, patterns, fonts, appearances) inflate to */
  maxPageDecompressedBytes: number
  /** one page's analysis, past which the page is recorded as failed and its worker replaced */
  pageTimeoutMs: number
  /** page sides, in points: 200 inches is the PDF format's own limit */
  maxPageSidePt: number
  /** objects reached from one page (images, forms, fonts…), against loops and fan-outs */
  maxPageObjects: number
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxPages: 2000,
  maxPagePixels: 150_000_000,
  maxPageDecompressedBytes: 256 * 1024 * 1024,
  pageTimeoutMs: 20_000,
  maxPageSidePt: 14_400,
  maxPageObjects: 5_000,
}

const MB = 1024 * 1024

export const describeBytes = (bytes: number): string => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} kB`)
export const describePixels = (pixels: number): string => `${Math.round(pixels / 1e6)} megapixels`
