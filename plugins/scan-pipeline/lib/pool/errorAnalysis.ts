import type { PageAnalysis } from '../types'

/** The analysis of a page that could not be analysed: its number and why, nothing invented. */
export const errorAnalysis = (index: number, code: string, message: string): PageAnalysis => ({
  sourcePage: index + 1,
  width: 0,
  height: 0,
  storedRotate: 0,
  layout: 'single',
  regions: [],
  skewDegrees: 0,
  hasTextLayer: false,
  error: { code, message },
})
