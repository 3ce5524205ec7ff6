import type { Student } from './content/names.js'

export type RosterFormat = 'classic' | 'pronote'

const fr = (iso?: string) => {
  if (!iso) return ''
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`

const EDS = ['MATHEMATIQUES, PHYSIQUE-CHIMIE', 'SES, HGGSP', 'SVT, MATHEMATIQUES', 'LLCER ANGLAIS, HLP', 'NSI, MATHEMATIQUES']

/**
 * A class list as schools export it. `classic`: semicolon-separated Nom;Prénom;Date de naissance;Classe;Email
 * (what the importer has always read). `pronote`: the school-software export — comma-separated, quoted,
 * one column "Élèves" with "LAST NAME FIRST NAME" all in capitals, "Né(e) le", "Adresse E-mail", "Classe" and
 * the extra columns "EDS" and "Groupe". UTF-8, with a byte-order mark when `bom` is set.
 */
export const buildRoster = ({ students, format, bom = false }: { students: readonly Student[]; format: RosterFormat; bom?: boolean }): string => {
  let body: string
  if (format === 'classic') {
    body =
      [['Nom', 'Prénom', 'Date de naissance', 'Classe', 'Email'].join(';'), ...students.map((s) => [s.last_name, s.first_name, fr(s.dob), s.class ?? '', s.email ?? ''].join(';'))].join('\r\n') +
      '\r\n'
  } else {
    const header = ['Élèves', 'Né(e) le', 'Adresse E-mail', 'Classe', 'EDS', 'Groupe'].map(quote).join(',')
    const rows = students.map((s, i) =>
      [`${s.last_name} ${s.first_name}`.toUpperCase(), fr(s.dob), s.email ?? '', s.class ?? '', EDS[i % EDS.length]!, `${s.class ?? ''} GR${(i % 2) + 1}`].map(quote).join(','),
    )
    body = [header, ...rows].join('\r\n') + '\r\n'
  }
  return bom ? `\uFEFF${body}` : body
}
