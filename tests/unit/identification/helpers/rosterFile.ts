import { FIRST_NAMES, LAST_NAMES } from './names.js'
import type { Rng } from './prng.js'

export type GeneratedStudent = {
  lastName: string
  firstName: string
  birthDate: string // ISO
  className: string
  email: string
  nationalId: string
}

export const generateStudents = ({ rng, count }: { rng: Rng; count: number }): GeneratedStudent[] => {
  const used = new Set<string>()
  const students: GeneratedStudent[] = []
  while (students.length < count) {
    const lastName = rng.pick(LAST_NAMES)
    const firstName = rng.pick(FIRST_NAMES)
    if (used.has(lastName + firstName)) continue
    used.add(lastName + firstName)
    const year = 2008 + rng.int(3)
    const month = 1 + rng.int(12)
    const day = 1 + rng.int(28)
    const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '')
    students.push({
      lastName: rng.chance(0.3) ? lastName.toUpperCase() : lastName,
      firstName,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      className: rng.pick(['3A', '3B', '2nde 4']),
      email: `${slug(firstName)}.${slug(lastName)}${students.length}@lycee.example.fr`,
      nationalId: `${String(100000000 + rng.int(899999999))}${String.fromCharCode(65 + rng.int(26))}${String.fromCharCode(65 + rng.int(26))}`,
    })
  }
  return students
}

export type RosterFlavour = {
  delimiter: ',' | ';'
  eol: '\n' | '\r\n'
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252'
  headers: 'fr' | 'en'
  dateStyle: 'dd/mm/yyyy' | 'd/m/yyyy' | 'dd-mm-yyyy' | 'dd.mm.yyyy' | 'iso'
}

export const HEADERS = {
  fr: ['NOM', 'Prénom', 'Né(e) le', 'Classe', 'E-mail', 'INE'],
  en: ['Last name', 'First Name', 'Date of birth', 'class', 'Email', 'National ID'],
}

export const formatDate = (iso: string, style: RosterFlavour['dateStyle']): string => {
  const [y, m, d] = iso.split('-') as [string, string, string]
  switch (style) {
    case 'dd/mm/yyyy': return `${d}/${m}/${y}`
    case 'd/m/yyyy': return `${Number(d)}/${Number(m)}/${y}`
    case 'dd-mm-yyyy': return `${d}-${m}-${y}`
    case 'dd.mm.yyyy': return `${d}.${m}.${y}`
    case 'iso': return iso
  }
}

/** Quotes a cell the way spreadsheets do: only when it needs it. */
export const csvCell = (value: string, delimiter: string): string =>
  value.includes(delimiter) || value.includes('"') || value.includes('\n') ? `"${value.replace(/"/g, '""')}"` : value

export const rosterText = ({ students, flavour }: { students: GeneratedStudent[]; flavour: RosterFlavour }): string => {
  const lines = [HEADERS[flavour.headers].map((h) => csvCell(h, flavour.delimiter)).join(flavour.delimiter)]
  for (const s of students)
    lines.push(
      [s.lastName, s.firstName, formatDate(s.birthDate, flavour.dateStyle), s.className, s.email, s.nationalId]
        .map((v) => csvCell(v, flavour.delimiter))
        .join(flavour.delimiter),
    )
  return lines.join(flavour.eol) + flavour.eol
}

// The bytes of windows-1252 that differ from Latin-1 and that names actually use.
const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '‚': 0x82, '’': 0x92, 'œ': 0x9c, 'Œ': 0x8c, 'Ÿ': 0x9f, '‘': 0x91 }

export const encodeText = (text: string, encoding: RosterFlavour['encoding']): Uint8Array => {
  if (encoding === 'utf-8') return new TextEncoder().encode(text)
  if (encoding === 'utf-8-bom') return new TextEncoder().encode('\uFEFF' + text)
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const code = ch.charCodeAt(0)
    const mapped = CP1252_EXTRA[ch] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined)
    if (mapped === undefined) throw new Error(`cannot encode ${ch} in windows-1252`)
    bytes[i] = mapped
  }
  return bytes
}
