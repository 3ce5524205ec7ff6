import type { Student } from '../content/names.js'
import type { DesignId } from '../designs/types.js'

/** What a batch looks like. Probabilities are per copy (inserts) or per scanned side (flips, sideways). */
export type BatchSpec = {
  name: string
  seed: number
  design: DesignId
  format: 'a4' | 'a3'
  copies: number
  /** 0-based copies whose student wrote no name */
  unnamed?: number[]
  /** roster students not in the batch; near-duplicates of present students first */
  absent?: number
  /** answer-sheet sets per copy, [min, max]: A3 sheets (copies doubles) or sets of the A4 subject, each front with the header */
  sheetsPerCopy?: [number, number]
  /** explicit sheet count per copy (overrides sheetsPerCopy) */
  sheetsFor?: number[]
  /** probability that a later sheet's front carries the name again (1: exam rules) */
  repeatHeader?: number
  /** A4 subject pages (a4 format); A3 booklets always have 4 */
  subjectPages?: number
  /** probability that a copy has loose A4 sheets (not in the subject) at its end */
  inserts?: number
  /** probability that a page other than a sheet's first is left blank */
  blankPages?: number
  /** probability per scanned side of a 180° feed */
  flips?: number
  /** probability per scanned side of a 90°/270° feed, stored sideways without /Rotate */
  sideways?: number
  /** A3 sheets stored portrait with this /Rotate so that they display as landscape spreads (copiers) */
  storedRotate?: 0 | 90 | 270
  /** the student writes a date of birth where the header has the field (or "né le …" next to the name) */
  writtenDob?: boolean
  /** "n / N" written on every page that is not blank */
  pageNumbers?: boolean
  fonts: 'tuned' | 'heldOut'
  /**
   * every student writes in pencil, or a pen running dry: light grey ink (about 60 % of the way to the
   * paper), which a scan keeps only as faint strokes (no reader was tuned on it)
   */
  pencil?: boolean
  /** darker paper, heavier grain, lower JPEG quality */
  harsh?: boolean
  /** no skew, no grain: the pixels line up with the truth exactly (geometry checks, debugging) */
  clean?: boolean
  className?: string
  /** the present students, in stack order (default: a generated class) */
  students?: Student[]
  /** handwriting font id per copy (the same student's hand across batches) */
  hands?: string[]
  /** the whole roster when `students` is given */
  roster?: Student[]
  /** 0-based copies with one sheet never scanned (reported in truth.missingPages) */
  missingSheet?: number[]
  /** 0-based copies whose sheets are scanned out of order */
  shuffledSheets?: number[]
  /** the exam's title (default: one of the discipline's) */
  examTitle?: string
  /** discipline of the printed exercises (default: seeded; English for English-label designs) */
  discipline?: string
}
