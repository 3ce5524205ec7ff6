import * as mupdf from 'mupdf'
import { PDFDocument as LibDocument } from 'pdf-lib'
import { ScanInputError, describeError } from '../errors'
import type { Rotation, ScanInfo } from '../types'
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from './limits'
import { checkPageCount } from './survey'

// mupdf prints repair warnings to stderr; they are expected on damaged input and we report
// problems through typed errors instead.
mupdf.setLog?.(null)

export const openMupdf = ({ bytes, fileName }: { bytes: Uint8Array; fileName: string }): mupdf.PDFDocument => {
  let doc: mupdf.Document
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  } catch (err) {
    throw new ScanInputError({ code: 'unreadable_pdf', file: fileName, reason: `not a readable PDF (${describeError(err)})` })
  }
  return readablePdf({ doc, fileName })
}

/** An opened document as a PDF the pipeline can read: not password-protected, really a PDF. */
export const readablePdf = ({ doc, fileName }: { doc: mupdf.Document; fileName: string }): mupdf.PDFDocument => {
  if (doc.needsPassword()) {
    doc.destroy()
    throw new ScanInputError({ code: 'encrypted_pdf', file: fileName, reason: 'the PDF is password-protected; export it again without a password' })
  }
  const pdf = doc.asPDF()
  if (!pdf) {
    doc.destroy()
    throw new ScanInputError({ code: 'unreadable_pdf', file: fileName, reason: 'not a PDF document' })
  }
  return pdf
}

export const normaliseRotate = (value: number): Rotation => {
  const r = (((Math.round(value / 90) * 90) % 360) + 360) % 360
  return r as Rotation
}

export const storedPageInfo = ({ doc, index }: { doc: mupdf.PDFDocument; index: number }) => {
  const obj = doc.findPage(index)
  const box = obj.getInheritable('MediaBox')
  const rotObj = obj.getInheritable('Rotate')
  const storedRotate = normaliseRotate(rotObj.isNumber() ? rotObj.asNumber() : 0)
  let width = 0
  let height = 0
  if (box.isArray() && box.length === 4) {
    width = Math.abs(box.get(2).asNumber() - box.get(0).asNumber())
    height = Math.abs(box.get(3).asNumber() - box.get(1).asNumber())
  }
  return { width, height, storedRotate }
}

/** Pages pdf-lib sees, or undefined when it cannot parse the file (the assembler copies pages with pdf-lib). */
const pdfLibPageCount = async (bytes: Uint8Array): Promise<number | undefined> => {
  try {
    return (await LibDocument.load(bytes, { updateMetadata: false })).getPageCount()
  } catch {
    return undefined
  }
}

/** A PDF ends with %%EOF; scanners and uploads that stop early leave it out. */
export const looksTruncated = (bytes: Uint8Array): boolean => {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)))
  return !tail.includes('%%EOF')
}

/**
 * The document's page count, refused (413) when over the batch limit — before anything walks every page
 * (or pdf-lib loads them all); an unreadable page tree is named as such.
 */
export const countPagesWithin = ({ doc, fileName, limits }: { doc: mupdf.Document; fileName: string; limits: ScanLimits }): number => {
  let pageCount: number
  try {
    pageCount = doc.countPages()
  } catch (err) {
    throw new ScanInputError({ code: 'unreadable_pdf', file: fileName, reason: `page tree is unreadable (${describeError(err)})` })
  }
  checkPageCount({ pageCount, fileName, limits })
  return pageCount
}

/** A file with no page to work on: empty, or cut short before any page could be recovered. */
export const noPagesError = ({ fileName, truncated }: { fileName: string; truncated: boolean }) =>
  new ScanInputError({
    code: 'no_pages',
    file: fileName,
    reason: truncated ? 'the file is truncated (no end-of-file marker) and no page could be recovered' : 'the PDF has no pages',
  })

/** Every page's stored size and rotation; an unreadable page object refuses the file, naming the page. */
export const pagesOf = ({ doc, fileName, pageCount }: { doc: mupdf.PDFDocument; fileName: string; pageCount: number }) =>
  Array.from({ length: pageCount }, (_, i) => {
    try {
      return storedPageInfo({ doc, index: i })
    } catch (err) {
      throw new ScanInputError({ code: 'page_unreadable', file: fileName, page: i + 1, reason: `page object is unreadable (${describeError(err)})` })
    }
  })

/**
 * Validate a scan and list its pages. Damaged-but-recoverable files (broken xref, truncated
 * tail, owner-password encryption) are rewritten structurally by mupdf so pdf-lib can copy
 * their pages; image streams are copied, never re-encoded.
 */
export const inspectScan = async ({ bytes, fileName, limits = DEFAULT_SCAN_LIMITS }: { bytes: Uint8Array; fileName: string; limits?: ScanLimits }): Promise<ScanInfo> => {
  const doc = openMupdf({ bytes, fileName })
  try {
    const pageCount = countPagesWithin({ doc, fileName, limits })
    const truncated = looksTruncated(bytes)
    const libCount = await pdfLibPageCount(bytes)
    // mupdf invents one empty page for an empty page tree; pdf-lib reads the tree as written
    if (pageCount === 0 || (libCount === 0 && !truncated)) throw noPagesError({ fileName, truncated })
    const pages = pagesOf({ doc, fileName, pageCount })
    if (libCount === pageCount && !truncated) return { fileName, pageCount, pages, bytes, repaired: false }
    let repairedBytes: Uint8Array
    try {
      // decrypt: an owner-password file opens without a password, but pdf-lib cannot copy its encrypted pages.
      const saved = doc.saveToBuffer('garbage=compact,decrypt')
      repairedBytes = saved.asUint8Array().slice()
      saved.destroy()
    } catch (err) {
      throw new ScanInputError({ code: 'unreadable_pdf', file: fileName, reason: `the PDF is damaged and could not be repaired (${describeError(err)})` })
    }
    if (!(await pdfLibPageCount(repairedBytes))) {
      throw new ScanInputError({ code: 'unreadable_pdf', file: fileName, reason: 'the PDF is damaged and could not be repaired' })
    }
    return { fileName, pageCount, pages, bytes: repairedBytes, repaired: true }
  } finally {
    doc.destroy()
  }
}
