export type OcrEngineName = 'tesseract' | 'paddle'

export type IdentificationOptions = {
  enabled?: boolean
  /** Engines that read the handwritten fields; both by default (design.md: they fail on different names). */
  engines?: OcrEngineName[]
  /** Resolution of the header crop. */
  dpi?: number
  /** Start `identify-exam` when a batch of the exam finishes. */
  autoIdentify?: boolean
}

/** What the job stores per copy in `identification.candidates`: ranked students, names resolved for the desk. */
export type StoredCandidate = { studentId: string | number; name: string; score: number }
