import type { Student } from './content/names.js'
import type { DesignId, IdentityField } from './designs/types.js'
import type { Box } from './geometry.js'

export type TruthRotation = 0 | 90 | 180 | 270
/** A half or whole page as displayed (after the page's /Rotate); top/bottom: a spread stored sideways. */
export type TruthRegion = 'full' | 'left' | 'right' | 'top' | 'bottom'

export type TruthPage = {
  /** 1-based page of the scan PDF */
  source_page: number
  region: TruthRegion
  /** clockwise degrees that make the region upright, relative to the page as displayed */
  rotation: TruthRotation
  /** nothing handwritten on it */
  blank: boolean
  /** 1-based page of the blank subject it is a print of; null for a loose sheet */
  subject_page: number | null
  /** the page number the student wrote, "n / total" */
  written?: { n: number; total: number }
}

export type IdentityZone = {
  /** 0-based index into the copy's `pages` */
  page: number
  field: IdentityField
  /** PDF points of the upright page, top-left origin: the printed field and the handwriting */
  box: Box
}

export type TruthCopy = {
  /** null: the student wrote no name (the copy must be left for review) */
  student: Pick<Student, 'last_name' | 'first_name' | 'dob' | 'class'> | null
  /** in reading order (the written page order when pages are numbered) */
  pages: TruthPage[]
  identityZones: IdentityZone[]
  /** page numbers (1-based positions in the copy, as the student numbers them) of a sheet never scanned */
  missingPages?: number[]
  /** the handwriting font the student writes with (id from fonts.ts) */
  hand: string
  /** for an annex batch: the copy of the main batch this sheet belongs to */
  belongsTo?: { fileName: string; copy: number }
}

export type Truth = {
  name: string
  design: DesignId
  /** false for held-out designs or fonts: never tune on it */
  tuned: boolean
  format: 'a4' | 'a3'
  /** the old field of the command-line contract's layouts */
  layout: 'a4' | 'a3-booklet'
  pageCount: number
  subjectPageCount: number
  /** handwriting fonts used (ids from fonts.ts) */
  fonts: string[]
  copies: TruthCopy[]
}

/**
 * What every batch's truth has, the first generator's framed presets included (their pages carry no
 * subject_page): the type to take when any batch will do.
 */
export type BatchTruth = {
  name: string
  layout: 'a4' | 'a3-booklet'
  pageCount: number
  copies: {
    student: Pick<Student, 'last_name' | 'first_name' | 'dob' | 'class'> | null
    pages: { source_page: number; region: TruthRegion; rotation: TruthRotation; blank: boolean }[]
  }[]
}
