/** One student as read from a roster file. Dates are ISO `YYYY-MM-DD`. */
export type RosterStudent = {
  /** Physical line in the file (1-based, header is line 1), kept so later steps can point at the source. */
  line: number
  lastName: string
  firstName: string
  birthDate: string | null
  className: string | null
  email: string | null
  nationalId: string | null
  /**
   * The full name exactly as the class list wrote it, kept when nothing in the file told the last name
   * from the first name (a single column in capitals): identification then tries every split of it.
   */
  rosterName: string | null
}

export type RosterErrorReason =
  | 'missing_last_name'
  | 'missing_first_name'
  | 'invalid_date'
  | 'invalid_email'
  | 'duplicate_row'
  | 'duplicate_key'
  | 'malformed_row'

export type RosterRowError = {
  line: number
  reason: RosterErrorReason
  /** Human-readable, e.g. `invalid date "31/02/2010"`. */
  message: string
  /** The offending raw value when there is one. */
  value?: string
  /** For a duplicate: the line it repeats, so a preview can say it in the reader's language. */
  otherLine?: number
  /** For a duplicate student: what made the two rows the same student. */
  sameBy?: 'nationalId' | 'email' | 'name'
}

export type RosterParseResult = {
  students: RosterStudent[]
  errors: RosterRowError[]
  /** What was detected, useful to show in an import preview. */
  meta: {
    encoding: 'utf-8' | 'windows-1252'
    delimiter: ',' | ';' | '\t'
    columns: RosterColumn[]
    /** The header as the file wrote it: its line, each understood column's label, the labels left aside. */
    header: { line: number; labels: Partial<Record<RosterColumn, string>>; ignored: string[] }
  }
}

export type RosterColumn =
  | 'lastName'
  | 'firstName'
  | 'fullName'
  | 'birthDate'
  | 'className'
  | 'email'
  | 'nationalId'
