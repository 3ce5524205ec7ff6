import { foldCompact } from '../text/fold'
import type { RosterColumn } from './types'

// Header names after foldCompact (case, accents, spaces and punctuation removed).
const ALIASES: Record<RosterColumn, string[]> = {
  lastName: ['nom', 'nomdefamille', 'nomusuel', 'nomdusage', 'nomeleve', 'lastname', 'surname', 'familyname'],
  firstName: ['prenom', 'prenoms', 'prenomeleve', 'firstname', 'givenname', 'forename'],
  fullName: ['nometprenom', 'nometprenoms', 'nomprenom', 'nomprenoms', 'nomsprenoms', 'prenomnom', 'eleve', 'eleves', 'nomeleves', 'identite', 'fullname', 'studentname', 'student', 'students', 'name'],
  birthDate: ['nele', 'nee', 'neele', 'nelee', 'datedenaissance', 'naissance', 'datenaissance', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  // "Groupe" is a class only when nothing better is there: school exports carry both (Classe, Groupe).
  className: ['classe', 'class', 'division', 'groupe', 'group'],
  email: ['email', 'mail', 'courriel', 'adressemail', 'adresseemail', 'adressecourriel', 'adresseelectronique', 'emailaddress'],
  nationalId: ['ine', 'numeroine', 'noine', 'nine', 'nationalid', 'identifiantnational', 'nationalstudentid'],
}

const LOOKUP = new Map<string, RosterColumn>(
  Object.entries(ALIASES).flatMap(([column, names]) => names.map((name) => [name, column as RosterColumn])),
)

export const REQUIRED_COLUMNS_LABEL = ['Nom / last name', 'Prénom / first name']

export const matchHeader = (raw: string): RosterColumn | null => LOOKUP.get(foldCompact(raw)) ?? null

/** How good a header name is for its column: the earlier in ALIASES, the better. */
const rankOf = (column: RosterColumn, raw: string) => ALIASES[column].indexOf(foldCompact(raw))

/** Index of each known column in a header row: the best-ranked name wins, then the first occurrence. */
export const mapHeaderRow = (cells: string[]): Partial<Record<RosterColumn, number>> => {
  const map: Partial<Record<RosterColumn, number>> = {}
  cells.forEach((cell, index) => {
    const column = matchHeader(cell)
    if (!column) return
    const current = map[column]
    if (current === undefined || rankOf(column, cell) < rankOf(column, cells[current]!)) map[column] = index
  })
  return map
}

export const hasRequiredColumns = (map: Partial<Record<RosterColumn, number>>): boolean =>
  (map.lastName !== undefined && map.firstName !== undefined) || map.fullName !== undefined
