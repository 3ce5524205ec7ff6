import fs from 'node:fs'

import type * as mupdf from 'mupdf'

import type { ScanInfo } from '../types'
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from './limits'
import { countPagesWithin, looksTruncated, noPagesError, pagesOf } from './open'
import { openMupdfFile } from './openFile'

/** What the job needs to know of a batch on disk: its pages, without the bytes (they stay where they lie). */
export type FileScanInfo = Omit<ScanInfo, 'bytes'>

/** `looksTruncated` on the file's tail, the only part it looks at (read without loading the file). */
const fileLooksTruncated = (path: string): boolean => {
  const fd = fs.openSync(path, 'r')
  try {
    const size = fs.fstatSync(fd).size
    const tail = new Uint8Array(Math.min(1024, size))
    fs.readSync(fd, tail, 0, tail.length, size - tail.length)
    return looksTruncated(tail)
  } finally {
    fs.closeSync(fd)
  }
}

/** The page count the file's page tree declares (mupdf invents one empty page for an empty tree). */
const declaredPages = (doc: mupdf.PDFDocument): number | undefined => {
  try {
    const count = doc.getTrailer().get('Root').get('Pages').get('Count')
    return count.isNumber() ? count.asNumber() : undefined
  } catch {
    return undefined
  }
}

/**
 * `inspectScan` for a batch on disk, read through mupdf's seekable stream: the page count (refused over the
 * limit), each page's size and stored rotation, and the same refusals as the in-memory inspection for a file
 * with no page to recover. Damage mupdf repairs is repaired again, identically, whenever the file is opened
 * (copies are cut with mupdf too), so no repaired copy of the file is written or held.
 */
export const inspectScanFile = ({ path, fileName, limits = DEFAULT_SCAN_LIMITS }: { path: string; fileName: string; limits?: ScanLimits }): FileScanInfo => {
  const doc = openMupdfFile({ path, fileName })
  try {
    const pageCount = countPagesWithin({ doc, fileName, limits })
    const truncated = fileLooksTruncated(path)
    if (pageCount === 0 || (declaredPages(doc) === 0 && !truncated)) throw noPagesError({ fileName, truncated })
    const pages = pagesOf({ doc, fileName, pageCount })
    return { fileName, pageCount, pages, repaired: doc.wasRepaired() }
  } finally {
    doc.destroy()
  }
}
