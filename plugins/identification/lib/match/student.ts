import { allSplits } from '../roster/fullName'
import type { MatchStudent } from './types'

/**
 * A roster person as the matcher sees them. `rosterName` is kept by the roster import when the class
 * list did not say where the last name ends: every split of it is then a way the copy may write it.
 */
export const toMatchStudent = ({
  studentKey,
  lastName,
  firstName,
  birthDate,
  rosterName,
}: {
  studentKey: string
  lastName: string
  firstName: string
  birthDate?: string | null
  rosterName?: string | null
}): MatchStudent => ({
  studentKey,
  lastName,
  firstName,
  birthDate: birthDate ?? null,
  ...(rosterName ? { nameSplits: allSplits(rosterName) } : {}),
})
