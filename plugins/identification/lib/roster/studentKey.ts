import { foldCompact } from '../text/fold'

export type KeyableStudent = {
  lastName: string
  firstName: string
  birthDate?: string | null
  email?: string | null
  nationalId?: string | null
}

export const normaliseNationalId = (value: string): string => value.replace(/\s+/g, '').toUpperCase()

export const nameKey = (student: KeyableStudent): string =>
  `name:${foldCompact(student.lastName)}|${foldCompact(student.firstName)}|${student.birthDate ?? ''}`

/**
 * The identity of a roster row: national id when present, else email, else
 * folded names + birth date. Re-imports use it to update instead of duplicating.
 */
export const studentKey = (student: KeyableStudent): string => {
  if (student.nationalId) return `ine:${normaliseNationalId(student.nationalId)}`
  if (student.email) return `email:${student.email.trim().toLowerCase()}`
  return nameKey(student)
}
