import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

export type RosterRow = { last_name: string; first_name: string; email?: string; [k: string]: string | undefined }

// Schools export rosters from several tools; accept the usual column spellings.
const ALIASES: Record<string, string> = {
  last_name: 'last_name', lastname: 'last_name', nom: 'last_name', surname: 'last_name',
  first_name: 'first_name', firstname: 'first_name', prenom: 'first_name', given_name: 'first_name',
  email: 'email', mail: 'email', courriel: 'email',
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/[\s-]+/g, '_')

export class RosterError extends Error {}

/** Light validation only: identification will own roster matching; here we read and count. */
export const readRoster = (path: string): RosterRow[] => {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new RosterError(`${path}: cannot read the roster (${(err as Error).message})`)
  }
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ','
  let records: Record<string, string>[]
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => ALIASES[fold(c)] ?? fold(c)), bom: true, trim: true, skip_empty_lines: true, delimiter })
  } catch (err) {
    throw new RosterError(`${path}: not a valid CSV (${(err as Error).message})`)
  }
  const first = records[0]
  if (!first || !('last_name' in first) || !('first_name' in first)) {
    throw new RosterError(`${path}: the roster needs last_name and first_name columns (or nom / prénom)`)
  }
  records.forEach((r, i) => {
    if (!r.last_name && !r.first_name) throw new RosterError(`${path} row ${i + 2}: no name`)
  })
  return records as RosterRow[]
}
