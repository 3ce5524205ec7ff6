import type * as mupdf from 'mupdf'

import { analyzePage } from '../analyze/analyzePage'
import { ScanInputError } from '../errors'
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from '../pdf/limits'
import { surveyPage } from '../pdf/survey'
import type { LayoutOption, PageAnalysis } from '../types'
import { errorAnalysis } from './errorAnalysis'

/**
 * A page is measured before it is rendered: one that would inflate to gigabytes or decode a gigapixel
 * image is recorded as failed, with the limit it broke, in milliseconds instead of minutes.
 */
export const analyzeGuarded = async ({
  doc,
  index,
  fileName,
  layout,
  dpi,
  limits = DEFAULT_SCAN_LIMITS,
  codes,
}: {
  doc: mupdf.PDFDocument
  index: number
  fileName: string
  layout: LayoutOption
  dpi?: number
  limits?: ScanLimits
  codes?: boolean
}): Promise<PageAnalysis> => {
  try {
    const survey = surveyPage({ doc, index, fileName, limits })
    if (survey.missing > 0)
      return errorAnalysis(index, 'page_unreadable', `${fileName} page ${index + 1}: what it shows is missing from the file (the file is cut short or damaged); scan or export it again`)
  } catch (err) {
    // Over a limit: never rendered. Merely unreadable objects: the renderer gets its chance (and says why it fails).
    if (!(err instanceof ScanInputError)) throw err
    if (err.status === 413) return errorAnalysis(index, err.code, err.message)
  }
  const analysis = await analyzePage({ doc, index, layout, dpi, codes })
  if (!analysis.error) return analysis
  // Every failure reads the same way wherever it is shown: "<file> page <n>: <what went wrong>".
  const prefix = `${fileName} page ${index + 1}: `
  const message = analysis.error.message.startsWith(prefix) ? analysis.error.message : prefix + analysis.error.message.replace(new RegExp(`^page ${index + 1}:? `), '')
  return { ...analysis, error: { ...analysis.error, message } }
}
