import { ScanInputError } from '../errors'
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from './limits'
import { countPagesWithin, openMupdf } from './open'
import { openMupdfFile } from './openFile'
import { surveyPage } from './survey'

export type ScanCheck = { pageCount: number; decompressedBytes: number; pixels: number }

/**
 * The upload-time check: the page count and every page's declared cost against the limits, without
 * rendering anything. Refuses (413, file and page named) what no batch should ask for; a page that is
 * merely damaged is left to the pipeline, which keeps the other pages.
 */
export const checkScan = ({ bytes, path, fileName, limits = DEFAULT_SCAN_LIMITS }: { bytes?: Uint8Array; path?: string; fileName: string; limits?: ScanLimits }): ScanCheck => {
  // A file on disk (an upload's temporary file) is read where it lies, never loaded whole.
  const doc = path ? openMupdfFile({ path, fileName }) : openMupdf({ bytes: bytes ?? new Uint8Array(), fileName })
  try {
    const pageCount = countPagesWithin({ doc, fileName, limits })
    const total = { pageCount, decompressedBytes: 0, pixels: 0 }
    for (let index = 0; index < pageCount; index++) {
      try {
        const survey = surveyPage({ doc, index, fileName, limits })
        total.decompressedBytes += survey.decompressedBytes
        total.pixels += survey.pixels
      } catch (err) {
        if (err instanceof ScanInputError && err.status === 413) throw err
      }
    }
    return total
  } finally {
    doc.destroy()
  }
}
