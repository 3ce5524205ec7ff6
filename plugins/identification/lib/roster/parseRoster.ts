import { decodeRosterBytes } from './decode'
import { detectDelimiter, splitCsvRows, type CsvRow } from './csvRows'
import { parseRosterDate } from './dates'
import { RosterFormatError } from './errors'
import { splitFullName } from './fullName'
import { hasRequiredColumns, mapHeaderRow, REQUIRED_COLUMNS_LABEL } from './headers'
import { normaliseNationalId, studentKey } from './studentKey'
import type { RosterColumn, RosterParseResult, RosterRowError, RosterStudent } from './types'

// Some exports put a title or a blank-ish line above the header; look a little further.
const HEADER_SEARCH_ROWS = 5
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Parses a roster CSV. Bad rows are reported with their physical line and reason;
 * good rows are returned anyway. Throws RosterFormatError only when the file as a
 * whole is unusable (empty, or no recognisable header).
 */
export const parseRoster = ({ data }: { data: Uint8Array | string }): RosterParseResult => {
  const { text, encoding } = decodeRosterBytes({ data })
  if (text.trim() === '') throw new RosterFormatError({ message: 'The roster file is empty.', status: 400 })

  const delimiter = detectDelimiter({ text })
  const { rows, unterminatedQuoteAt } = splitCsvRows({ text, delimiter })

  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => hasRequiredColumns(mapHeaderRow(row.cells)))
  if (headerIndex === -1) {
    const found = (rows[0]?.cells ?? []).map((c) => c.trim()).filter(Boolean)
    throw new RosterFormatError({
      message: `No recognisable roster header. Found columns: ${found.map((c) => `"${c}"`).join(', ') || 'none'}. Required: ${REQUIRED_COLUMNS_LABEL.join(' and ')} (or a single "Nom et prénom" column).`,
      foundColumns: found,
      requiredColumns: REQUIRED_COLUMNS_LABEL,
    })
  }
  const header = mapHeaderRow(rows[headerIndex]!.cells)

  const students: RosterStudent[] = []
  const errors: RosterRowError[] = []
  const seenContent = new Map<string, number>()
  const seenKey = new Map<string, number>()

  for (const row of rows.slice(headerIndex + 1)) {
    if (unterminatedQuoteAt !== null && row.line === unterminatedQuoteAt) {
      errors.push({ line: row.line, reason: 'malformed_row', message: 'unterminated quoted field: the rest of the file was not read' })
      continue
    }
    const result = readRow({ row, header })
    if ('errors' in result) {
      errors.push(...result.errors)
      continue
    }
    const student = result.student
    const contentKey = JSON.stringify([student.lastName, student.firstName, student.birthDate, student.className, student.email, student.nationalId].map((v) => (v ?? '').toLowerCase()))
    const firstSame = seenContent.get(contentKey)
    if (firstSame !== undefined) {
      errors.push({ line: row.line, reason: 'duplicate_row', message: `duplicate row: same as line ${firstSame}`, otherLine: firstSame })
      continue
    }
    const key = studentKey(student)
    const firstKey = seenKey.get(key)
    if (firstKey !== undefined) {
      errors.push({ line: row.line, reason: 'duplicate_key', message: `duplicate student: same ${describeKey(key)} as line ${firstKey}`, value: key.slice(key.indexOf(':') + 1), otherLine: firstKey, sameBy: sameByOf(key) })
      continue
    }
    seenContent.set(contentKey, row.line)
    seenKey.set(key, row.line)
    students.push(student)
  }

  const columns = (Object.keys(header) as RosterColumn[]).sort((a, b) => header[a]! - header[b]!)
  const headerCells = rows[headerIndex]!.cells.map((c) => cleanName(c))
  const used = new Set(Object.values(header))
  const labels = Object.fromEntries(columns.map((column) => [column, headerCells[header[column]!]!])) as Partial<Record<RosterColumn, string>>
  const ignored = headerCells.filter((label, index) => label && !used.has(index))
  return { students, errors, meta: { encoding, delimiter, columns, header: { line: rows[headerIndex]!.line, labels, ignored } } }
}

const describeKey = (key: string) =>
  key.startsWith('ine:') ? 'national id' : key.startsWith('email:') ? 'email' : 'name and birth date'

const sameByOf = (key: string): 'nationalId' | 'email' | 'name' => (key.startsWith('ine:') ? 'nationalId' : key.startsWith('email:') ? 'email' : 'name')

const cleanName = (value: string) => value.replace(/\s+/g, ' ').trim()

const readRow = ({
  row,
  header,
}: {
  row: CsvRow
  header: Partial<Record<RosterColumn, number>>
}): { student: RosterStudent } | { errors: RosterRowError[] } => {
  const cell = (column: RosterColumn): string => {
    const index = header[column]
    return index === undefined ? '' : (row.cells[index] ?? '').trim()
  }
  const errors: RosterRowError[] = []
  const line = row.line

  let lastName = cleanName(cell('lastName'))
  let firstName = cleanName(cell('firstName'))
  let rosterName: string | null = null
  const rawEmail = cell('email')
  if (!lastName && !firstName && header.fullName !== undefined) {
    const full = cleanName(cell('fullName'))
    const split = splitFullName({ full, email: rawEmail })
    if (split) {
      ;({ lastName, firstName } = split)
      if (!split.certain) rosterName = full
    } else if (full) {
      errors.push({ line, reason: 'missing_first_name', message: `"${full}" holds a single name: a last and a first name are needed`, value: full })
    }
  }
  if (!lastName && !firstName && header.fullName !== undefined && errors.length === 0) {
    errors.push({ line, reason: 'missing_last_name', message: 'missing name' })
  } else if (errors.length === 0) {
    if (!lastName) errors.push({ line, reason: 'missing_last_name', message: 'missing last name' })
    if (!firstName) errors.push({ line, reason: 'missing_first_name', message: 'missing first name' })
  }

  const rawDate = cell('birthDate')
  const birthDate = rawDate ? parseRosterDate(rawDate) : null
  if (rawDate && !birthDate) errors.push({ line, reason: 'invalid_date', message: `invalid date "${rawDate}"`, value: rawDate })

  if (rawEmail && !EMAIL_RE.test(rawEmail)) errors.push({ line, reason: 'invalid_email', message: `invalid email "${rawEmail}"`, value: rawEmail })

  if (errors.length > 0) return { errors }
  const nationalId = cell('nationalId')
  return {
    student: {
      line,
      lastName,
      firstName,
      birthDate,
      className: cell('className') || null,
      email: rawEmail ? rawEmail.toLowerCase() : null,
      nationalId: nationalId ? normaliseNationalId(nationalId) : null,
      rosterName,
    },
  }
}
