export type OcrEngineName = 'tesseract' | 'paddle'

export type IdentificationOptions = {
  enabled?: boolean
  /** Engines that read the handwritten fields; both by default (design.md: they fail on different names). */
  engines?: OcrEngineName[]
  /** Resolution of the header crop. */
  dpi?: number
  /** Start `identify-exam` when a batch of the exam finishes. */
  autoIdentify?: boolean
  /** Jobs reading one exam's headers at once, its identify job included (default KORRIGO_IDENTIFY_LANES). */
  lanes?: number
}

/** What the job stores per copy in `identification.candidates`: ranked students, names resolved for the desk. */
export type StoredCandidate = { studentId: string | number; name: string; score: number }
