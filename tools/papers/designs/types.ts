import type { Discipline } from '../content/exercises.js'
import type { Box } from '../geometry.js'
import type { Printer } from '../print/printer.js'

export type DesignId = 'framed' | 'one-line' | 'official' | 'corner-box' | 'two-column' | 'right-header' | 'copie-double' | 'annex'

export type IdentityField = 'last_name' | 'first_name' | 'full_name' | 'dob' | 'class' | 'candidate_number'

/** Where a student writes one identity field. */
export type Slot = {
  field: IdentityField
  /** the printed field (label + space), top-left points of the upright page; absent when nothing is printed */
  printed?: Box
  /** a line to write on (baseline y), or one printed cell per character */
  write: { kind: 'line'; x: number; y: number; width: number } | { kind: 'cells'; cells: Box[] }
}

/** Where the student writes "n / N": two groups of cells, or a free spot (baseline start). */
export type PageNumberSpot = { kind: 'cells'; n: Box[]; total: Box[] } | { kind: 'free'; x: number; y: number }

/** What the subject's first page says about the exam. */
export type ExamInfo = {
  title: string
  info: string
  school: string
  className: string
  discipline: Discipline
  /** the exam's date as printed (DD/MM/YYYY) */
  date: string
  session: string
  /** a seeded number in [0, 1) a design may use to pick between its variants */
  variant: number
}

export type HeaderLayout = {
  slots: Slot[]
  /** top-left y below which the page's content may start */
  bottom: number
  /** the header already printed the exam's title */
  titled: boolean
  /** spots the student fills that are not identity (exam name, date): a distractor near the name */
  extras?: { x: number; y: number; width: number; text: (exam: ExamInfo) => string }[]
}

export type Design = {
  id: DesignId
  /** `tuned`: the lead may tune on it; `heldOut`: kept out of all tuning, reported apart */
  tuned: boolean
  /** one line on what school paper it imitates */
  description: string
  /** printed exercises on the subject's pages, or plain ruled paper */
  printedExercises: boolean
  /** ruling of pages without printed exercises */
  paper: 'seyes' | 'exam-rules' | 'lined' | 'plain'
  typeface: 'sans' | 'serif'
  /** the English variant of the labels */
  english?: boolean
  /** the printed header of the first page (and of every sheet's front for multi-sheet copies) */
  header: (o: { p: Printer; exam: ExamInfo }) => HeaderLayout
  /** printed on every page (e.g. the official sheet's footer); returns where the page number is written */
  furniture?: (o: { p: Printer; exam: ExamInfo; page: number }) => { pageNumber?: PageNumberSpot; bottom?: number }
}
