import type * as mupdf from 'mupdf'
import { describeError } from '../errors'
import { storedPageInfo } from '../pdf/open'
import { pageHasTextLayer, renderStoredGray } from '../pdf/render'
import type { LayoutOption, PageAnalysis } from '../types'
import { readPageCodes } from '../qr/readCodes'
import { analyzeRaster } from './page'

/** Resolution of the analysis raster: enough for rules and handwriting, cheap to decode (JPEG DCT scaling). */
export const ANALYSIS_DPI = 60

/** QR codes are read on this page's raster too; a reader failure costs the page its codes, not its analysis. */
const codesOf = (image: Parameters<typeof readPageCodes>[0]['image']) => readPageCodes({ image }).catch(() => [])

/** Analyse one page of an open document; failures become a recorded page error, never an exception. */
export const analyzePage = async ({
  doc,
  index,
  layout,
  dpi = ANALYSIS_DPI,
  codes = true,
}: {
  doc: mupdf.PDFDocument
  index: number
  layout: LayoutOption
  dpi?: number
  codes?: boolean
}): Promise<PageAnalysis> => {
  let info = { width: 0, height: 0, storedRotate: 0 as PageAnalysis['storedRotate'] }
  try {
    info = storedPageInfo({ doc, index })
    const image = renderStoredGray({ doc, index, dpi, storedRotate: info.storedRotate })
    const raster = analyzeRaster({ image, dpi, widthPt: info.width, heightPt: info.height, layout })
    const hasTextLayer = pageHasTextLayer({ doc, index })
    return { sourcePage: index + 1, ...info, ...raster, hasTextLayer, ...(codes ? { codes: await codesOf(image) } : {}) }
  } catch (err) {
    return {
      sourcePage: index + 1,
      ...info,
      layout: 'single',
      regions: [],
      skewDegrees: 0,
      hasTextLayer: false,
      error: { code: 'page_unreadable', message: `page ${index + 1} could not be rendered (${describeError(err)})` },
    }
  }
}
