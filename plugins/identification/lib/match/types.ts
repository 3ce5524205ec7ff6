import type { Lattice } from '../lattice/types'

/** One string an OCR engine proposes for a field, with the engine's own confidence (0..1). */
export type FieldCandidate = { text: string; confidence: number; engine?: string }

/** What was read on one copy's header; any field may be missing or empty. */
export type CopyReading = SheetReading & {
  copyKey: string
  /**
   * The headers of the copy's other sheets, each read on its own (students write their name on every sheet):
   * the copy is scored on the best reading of each student.
   */
  sheets?: SheetReading[]
}

/** One header as read: a copy's first page, or another sheet of the same copy. */
export type SheetReading = {
  /** What a CTC recogniser saw in each field: roster names are scored against it (see lib/lattice). */
  lattices?: Partial<Record<'lastName' | 'firstName' | 'fullName' | 'birthDate', Lattice>>
  fields: {
    lastName?: FieldCandidate[]
    firstName?: FieldCandidate[]
    /** A single "Nom et prénom" box, in either order. */
    fullName?: FieldCandidate[]
    birthDate?: FieldCandidate[]
  }
}

export type MatchStudent = {
  studentKey: string
  lastName: string
  firstName: string
  /** ISO YYYY-MM-DD */
  birthDate?: string | null
  /**
   * Other ways to read the same person's name when the class list did not say where the last name
   * ends (BEN AYED SARAH): the copy is scored against each, and the best one counts.
   */
  nameSplits?: { lastName: string; firstName: string }[]
}

export type ScoredCandidate = { studentKey: string; score: number }

export type CopyIdentification = {
  copyKey: string
  status: 'identified' | 'needs_review'
  studentKey: string | null
  confidence: number
  /** Best students for this copy, best first (at most `maxCandidates`). */
  candidates: ScoredCandidate[]
  /** Why a copy was left for review; absent when identified. */
  reason?: 'unnamed' | 'low_score' | 'ambiguous_copy' | 'ambiguous_student' | 'close_names' | 'unassigned' | 'sheet_of_named_student'
}

export type MatchOptions = {
  /** Minimum score for an automatic name. */
  threshold: number
  /** A lattice names a student only where the strings read score that student at least this (they need not agree, only not be unrelated). */
  stringSupport: number
  /** …and only where no other student's strings score more than this above that student's (the strings read someone else). */
  stringLead: number
  /**
   * …and, below this, only where the strings rank that student first: as much as wrong students reach one time in
   * twenty (of 8,033 pairs of a piece and a classmate on 12 classes drawn with --seed 10, 95 % under 0.40). LAMBERT
   * Jules' garbled header ("medJieseaoun", "ARNE pe UBD…") gave CARON Matéo 0.37, ANDRÉ 0.40, and frames that fit no
   * name well then named CARON alone at 0.89; LEBRETON-VIDAL Maël's gave him 0.40, the next 0.32: his name.
   */
  stringNoise: number
  /**
   * Below `threshold`, a copy is still named when the strings read lead every other student by this much, and
   * the copy leads every rival copy for that student by as much: a faint hand is far from every name, but
   * much further from the others.
   */
  wideLead: number
  /** …and scores at least this. */
  wideFloor: number
  /** Required lead over the runner-up, per copy and per student. */
  margin: number
  /** Margin per copy when only one name (or an initial) supports the match. */
  partialMargin: number
  /** Score of the "nobody" option in the assignment: below it a copy prefers to match nobody. */
  unknownScore: number
  maxCandidates: number
  /** A classmate whose name a perfect reading would still score this high is a close name… */
  closeNames: number
  /** …and a copy is then named only when its lead over that classmate is this share of the two names' distance. */
  closeShare: number
  /** The score of a student whose birth date the copy reads (at most one digit off, every classmate's two further), where the name does not point elsewhere. */
  dateConfirmed: number
}
