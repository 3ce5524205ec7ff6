import type * as mupdf from 'mupdf'

import { ScanInputError, describeError } from '../errors'
import { inflateCapped } from './inflateCapped'
import { describeBytes, describePixels, type ScanLimits } from './limits'

type Obj = mupdf.PDFObject

/**
 * What one page asks a renderer to do, measured without rendering it. `missing`: the drawings and images
 * the page names that the file does not hold (a file cut short loses its last pages' scans: such a page
 * would render blank, which is a lost page, not an empty one).
 */
export type PageSurvey = { decompressedBytes: number; pixels: number; objects: number; missing: number }

const FLATE = new Set(['FlateDecode', 'Fl'])
const IMAGE_CODECS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode'])

// mupdf resolves indirect references inside get/forEach/is*/as*; a stream is only known as one
// through its reference (isStream, readRawStream), so objects are handled unresolved throughout, and
// a missing key is mupdf's shared Null object, which must not be resolved.
const filtersOf = (stream: Obj): string[] => {
  const filter = stream.get('Filter')
  if (filter.isName()) return [filter.asName()]
  if (!filter.isArray()) return []
  const names: string[] = []
  for (let i = 0; i < filter.length; i++) {
    const f = filter.get(i)
    names.push(f.isName() ? f.asName() : '?')
  }
  return names
}

/**
 * Walks everything a page draws and measures it: the decompressed size of every stream mupdf would
 * interpret (Flate inflated here with a cap, so a bomb stops at the limit instead of filling memory)
 * and the declared pixels of its images. Throws ScanInputError (413) naming the file and page.
 */
export const surveyPage = ({ doc, index, fileName, limits }: { doc: mupdf.PDFDocument; index: number; fileName: string; limits: ScanLimits }): PageSurvey => {
  const page = index + 1
  const refuse = (code: 'page_too_large' | 'decompression_bomb' | 'image_too_large' | 'page_too_complex', reason: string) =>
    new ScanInputError({ code, file: fileName, page, reason, status: 413 })
  const survey: PageSurvey = { decompressedBytes: 0, pixels: 0, objects: 0, missing: 0 }
  const seen = new Set<number>()

  let pageObj: Obj
  try {
    pageObj = doc.findPage(index)
  } catch (err) {
    throw new ScanInputError({ code: 'page_unreadable', file: fileName, page, reason: `the page cannot be found in the file (${describeError(err)})` })
  }
  const checkBox = () => {
    const box = pageObj.getInheritable('MediaBox')
    if (box.isArray() && box.length === 4) {
      // UserUnit scales every unit of the page (PDF 1.6): a 600-point page at 75000 is 600,000 inches wide.
      const userUnit = pageObj.get('UserUnit')
      const unit = userUnit.isNumber() && userUnit.asNumber() > 0 ? userUnit.asNumber() : 1
      const width = Math.abs(box.get(2).asNumber() - box.get(0).asNumber()) * unit
      const height = Math.abs(box.get(3).asNumber() - box.get(1).asNumber()) * unit
      if (!(width <= limits.maxPageSidePt && height <= limits.maxPageSidePt))
        throw refuse('page_too_large', `the page measures ${Math.round(width)} × ${Math.round(height)} points, above the ${limits.maxPageSidePt}-point limit of the PDF format`)
    }
  }

  const addBytes = (n: number) => {
    survey.decompressedBytes += n
    if (survey.decompressedBytes > limits.maxPageDecompressedBytes)
      throw refuse('decompression_bomb', `its content decompresses to more than ${describeBytes(limits.maxPageDecompressedBytes)} (KORRIGO_MAX_PAGE_DECOMPRESSED_MB); a scanned page needs a few kilobytes`)
  }

  const measureStream = (stream: Obj) => {
    const filters = filtersOf(stream)
    if (filters.some((f) => IMAGE_CODECS.has(f))) return
    if (filters.every((f) => FLATE.has(f))) {
      let data: Uint8Array = stream.readRawStream().asUint8Array()
      let length = data.length
      for (let i = 0; i < filters.length; i++) {
        const room = limits.maxPageDecompressedBytes - survey.decompressedBytes
        const inflated = inflateCapped({ data, cap: Math.max(1, room + 1), keep: i < filters.length - 1 })
        if (inflated.kind === 'overflow') addBytes(room + 1)
        // Damaged data (zlib refuses it): mupdf reads what it can of it, no more than it holds.
        if (inflated.kind !== 'data') break
        length = inflated.length
        if (inflated.data) data = inflated.data
      }
      addBytes(length)
      return
    }
    // Other filters (LZW, ASCII85, run-length…) expand boundedly; mupdf decodes them, under the worker's deadline.
    addBytes(stream.readStream().getLength())
  }

  /** Visits an object once (indirect objects by number), bounded in count and depth. */
  const enter = (obj: Obj): Obj | undefined => {
    if (obj.isNull()) return undefined
    if (obj.isIndirect()) {
      const num = obj.asIndirect()
      if (seen.has(num)) return undefined
      seen.add(num)
    }
    survey.objects++
    if (survey.objects > limits.maxPageObjects) throw refuse('page_too_complex', `it refers to more than ${limits.maxPageObjects} objects to draw`)
    return obj
  }

  const eachValue = (dict: Obj, fn: (value: Obj) => void) => {
    if (dict.isNull() || (!dict.isDictionary() && !dict.isArray())) return
    const values: Obj[] = []
    dict.forEach((value) => values.push(value))
    for (const value of values) fn(value)
  }

  const image = (obj: Obj) => {
    const width = obj.get('Width')
    const height = obj.get('Height')
    const w = width.isNumber() ? width.asNumber() : 0
    const h = height.isNumber() ? height.asNumber() : 0
    survey.pixels += Math.max(0, w) * Math.max(0, h)
    if (survey.pixels > limits.maxPagePixels)
      throw refuse('image_too_large', `its images declare ${describePixels(survey.pixels)} (${w} × ${h}), above the ${describePixels(limits.maxPagePixels)} limit (KORRIGO_MAX_PAGE_MEGAPIXELS)`)
    for (const key of ['SMask', 'Mask']) {
      const mask = obj.get(key)
      if (mask.isStream()) {
        const inner = enter(mask)
        if (inner) image(inner)
      }
    }
  }

  const content = (obj: Obj, depth: number) => {
    if (depth > 32) throw refuse('page_too_complex', 'its drawings are nested more than 32 levels deep')
    const stream = enter(obj)
    if (!stream?.isStream()) return
    measureStream(stream)
    resources(stream.get('Resources'), depth + 1)
  }

  const xobject = (obj: Obj, depth: number) => {
    if (obj.isIndirect() && obj.resolve().isNull()) survey.missing++
    if (!obj.isStream()) return
    const subtype = obj.get('Subtype')
    if (subtype.isName() && subtype.asName() === 'Image') {
      const inner = enter(obj)
      if (inner) image(inner)
    } else content(obj, depth)
  }

  const resources = (res: Obj, depth: number) => {
    const dict = enter(res)
    if (!dict?.isDictionary()) return
    eachValue(dict.get('XObject'), (x) => xobject(x, depth))
    // Tiling patterns are drawings of their own.
    eachValue(dict.get('Pattern'), (p) => content(p, depth))
    eachValue(dict.get('Font'), (f) => font(f, depth))
  }

  const font = (obj: Obj, depth: number) => {
    const dict = enter(obj)
    if (!dict?.isDictionary()) return
    const descriptor = dict.get('FontDescriptor')
    if (descriptor.isDictionary())
      for (const key of ['FontFile', 'FontFile2', 'FontFile3']) {
        const file = descriptor.get(key)
        if (file.isStream()) {
          const stream = enter(file)
          if (stream) measureStream(stream)
        }
      }
    // Type 3 glyphs are content streams.
    eachValue(dict.get('CharProcs'), (glyph) => content(glyph, depth + 1))
    resources(dict.get('Resources'), depth + 1)
    eachValue(dict.get('DescendantFonts'), (d) => font(d, depth + 1))
  }

  try {
    // The page's own object gone (its place in the page tree points nowhere): nothing of it is left to draw.
    if (!pageObj.isDictionary()) survey.missing++
    checkBox()
    const contents = pageObj.get('Contents')
    if (contents.isArray()) eachValue(contents, (c) => content(c, 0))
    else content(contents, 0)
    if (contents.isIndirect() && contents.resolve().isNull()) survey.missing++
    resources(pageObj.getInheritable('Resources'), 0)
    // Annotations are drawn too (their appearance streams).
    eachValue(pageObj.get('Annots'), (annot) => {
      const a = enter(annot)
      if (!a?.isDictionary()) return
      const ap = a.get('AP')
      if (!ap.isDictionary()) return
      eachValue(ap, (state) => {
        if (state.isStream()) content(state, 1)
        else eachValue(state, (variant) => content(variant, 1))
      })
    })
  } catch (err) {
    if (err instanceof ScanInputError) throw err
    throw new ScanInputError({ code: 'page_unreadable', file: fileName, page, reason: `the page's objects cannot be read (${describeError(err)})` })
  }
  return survey
}

/** The page count against the limit, before anything walks 20,000 pages. */
export const checkPageCount = ({ pageCount, fileName, limits }: { pageCount: number; fileName: string; limits: ScanLimits }): void => {
  if (pageCount > limits.maxPages)
    throw new ScanInputError({
      code: 'too_many_pages',
      file: fileName,
      reason: `${pageCount} pages, above the ${limits.maxPages}-page limit for one batch (KORRIGO_MAX_PAGES); split the scan into several batches`,
      status: 413,
    })
}
