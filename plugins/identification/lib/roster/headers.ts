import { foldCompact } from '../text/fold'
import type { RosterColumn } from './types'

// Header names after foldCompact (case, accents, spaces and punctuation removed).
const ALIASES: Record<RosterColumn, string[]> = {
  lastName: ['nom', 'nomdefamille', 'nomusuel', 'nomdusage', 'nomeleve', 'lastname', 'surname', 'familyname'],
  firstName: ['prenom', 'prenoms', 'prenomeleve', 'firstname', 'givenname', 'forename'],
  fullName: ['nometprenom', 'nomprenom', 'prenomnom', 'eleve', 'fullname', 'studentname', 'student'],
  birthDate: ['nele', 'nee', 'neele', 'nelee', 'datedenaissance', 'naissance', 'datenaissance', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  className: ['classe', 'class', 'division', 'groupe', 'group'],
  email: ['email', 'mail', 'courriel', 'adressemail', 'adresseemail', 'adressecourriel', 'adresseelectronique', 'emailaddress'],
  nationalId: ['ine', 'numeroine', 'noine', 'nine', 'nationalid', 'identifiantnational', 'nationalstudentid'],
}

const LOOKUP = new Map<string, RosterColumn>(
  Object.entries(ALIASES).flatMap(([column, names]) => names.map((name) => [name, column as RosterColumn])),
)

export const REQUIRED_COLUMNS_LABEL = ['Nom / last name', 'Prénom / first name']

export const matchHeader = (raw: string): RosterColumn | null => LOOKUP.get(foldCompact(raw)) ?? null

/** Index of each known column in a header row; the first occurrence wins. */
export const mapHeaderRow = (cells: string[]): Partial<Record<RosterColumn, number>> => {
  const map: Partial<Record<RosterColumn, number>> = {}
  cells.forEach((cell, index) => {
    const column = matchHeader(cell)
    if (column && map[column] === undefined) map[column] = index
  })
  return map
}

export const hasRequiredColumns = (map: Partial<Record<RosterColumn, number>>): boolean =>
  (map.lastName !== undefined && map.firstName !== undefined) || map.fullName !== undefined
