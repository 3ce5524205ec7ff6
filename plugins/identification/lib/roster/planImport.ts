import { nameKey, normaliseNationalId } from './studentKey'
import type { RosterStudent } from './types'

export type ExistingStudent = {
  id: string | number
  lastName: string
  firstName: string
  birthDate?: string | null
  email?: string | null
  nationalId?: string | null
  className?: string | null
  rosterName?: string | null
}

export type ComparableField = 'lastName' | 'firstName' | 'birthDate' | 'email' | 'nationalId' | 'className' | 'rosterName'
const FIELDS: ComparableField[] = ['lastName', 'firstName', 'birthDate', 'email', 'nationalId', 'className', 'rosterName']

export type RosterImportPlan = {
  create: RosterStudent[]
  /** `changes` lists the fields whose value differs; empty changes are in `unchanged`. */
  update: { id: string | number; student: RosterStudent; changes: ComparableField[]; matchedBy: MatchedBy }[]
  unchanged: { id: string | number; student: RosterStudent }[]
  /** Two incoming rows resolving to the same existing student: neither is applied blindly. */
  conflicts: { line: number; id: string | number; message: string; otherLine: number }[]
}

type MatchedBy = 'nationalId' | 'email' | 'name'

/**
 * Decides, without touching a database, which incoming rows create a student and
 * which update one. Matching cascades (national id, then email, then folded names +
 * birth date) so a second import that adds an INE column still updates the students
 * created by the first one; two different national ids never match each other.
 */
export const planRosterImport = ({
  existing,
  incoming,
}: {
  existing: ExistingStudent[]
  incoming: RosterStudent[]
}): RosterImportPlan => {
  const byIne = new Map<string, ExistingStudent>()
  const byEmail = new Map<string, ExistingStudent>()
  const byName = new Map<string, ExistingStudent>()
  for (const student of existing) {
    if (student.nationalId) byIne.set(normaliseNationalId(student.nationalId), student)
    if (student.email) byEmail.set(student.email.trim().toLowerCase(), student)
    byName.set(nameKey(student), student)
  }

  const plan: RosterImportPlan = { create: [], update: [], unchanged: [], conflicts: [] }
  const claimed = new Map<string | number, number>()

  for (const student of incoming) {
    const found = findExisting({ student, byIne, byEmail, byName })
    if (!found) {
      plan.create.push(student)
      continue
    }
    const { match, matchedBy } = found
    const previousLine = claimed.get(match.id)
    if (previousLine !== undefined) {
      plan.conflicts.push({ line: student.line, id: match.id, message: `matches the same existing student as line ${previousLine}`, otherLine: previousLine })
      continue
    }
    claimed.set(match.id, student.line)
    const changes = FIELDS.filter((field) => differs(field, student[field], match[field]))
    if (changes.length === 0) plan.unchanged.push({ id: match.id, student })
    else plan.update.push({ id: match.id, student, changes, matchedBy })
  }
  return plan
}

const findExisting = ({
  student,
  byIne,
  byEmail,
  byName,
}: {
  student: RosterStudent
  byIne: Map<string, ExistingStudent>
  byEmail: Map<string, ExistingStudent>
  byName: Map<string, ExistingStudent>
}): { match: ExistingStudent; matchedBy: MatchedBy } | null => {
  const compatible = (candidate: ExistingStudent) =>
    !student.nationalId || !candidate.nationalId || normaliseNationalId(candidate.nationalId) === student.nationalId
  if (student.nationalId) {
    const match = byIne.get(student.nationalId)
    if (match) return { match, matchedBy: 'nationalId' }
  }
  if (student.email) {
    const match = byEmail.get(student.email)
    if (match && compatible(match)) return { match, matchedBy: 'email' }
  }
  const match = byName.get(nameKey(student))
  if (match && compatible(match)) return { match, matchedBy: 'name' }
  return null
}

const differs = (field: ComparableField, incoming: string | null, current: string | null | undefined): boolean => {
  // An empty incoming cell does not erase what the school entered before.
  if (incoming === null || incoming === '') return false
  if (field === 'lastName' || field === 'firstName' || field === 'rosterName') return incoming.trim() !== (current ?? '').trim()
  if (field === 'nationalId') return normaliseNationalId(incoming) !== normaliseNationalId(current ?? '')
  if (field === 'email') return incoming.toLowerCase() !== (current ?? '').toLowerCase()
  return incoming !== (current ?? '')
}

