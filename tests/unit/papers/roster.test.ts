import { parse } from 'csv-parse/sync'
import { parseRoster } from '../../../plugins/identification/lib/roster/index.js'
import { buildRoster, getBatch, type Student } from '../../../tools/papers/index.js'

describe('class lists', () => {
  let roster: Student[]
  beforeAll(async () => {
    roster = (await getBatch('one-line-a4-mini')).roster
  }, 600_000)

  it('pronote: comma-separated, one capitalised "Élèves" column, Né(e) le, Adresse E-mail, Classe, EDS, Groupe, with or without BOM', () => {
    const withBom = buildRoster({ students: roster, format: 'pronote', bom: true })
    const without = buildRoster({ students: roster, format: 'pronote' })
    expect(withBom.charCodeAt(0)).toBe(0xfeff)
    expect(without.charCodeAt(0)).not.toBe(0xfeff)
    const rows = parse(without, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual(['Élèves', 'Né(e) le', 'Adresse E-mail', 'Classe', 'EDS', 'Groupe'])
    expect(rows).toHaveLength(roster.length)
    rows.forEach((row, i) => {
      expect(row['Élèves']).toBe(`${roster[i]!.last_name} ${roster[i]!.first_name}`.toUpperCase())
      expect(row['Né(e) le']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/)
    })
    expect(rows.some((r) => r.EDS!.includes(','))).toBe(true)
  })

  it('both formats import every student with the product importer', () => {
    for (const format of ['classic', 'pronote'] as const) {
      const csv = buildRoster({ students: roster, format, bom: format === 'pronote' })
      const parsed = parseRoster({ data: new TextEncoder().encode(csv) })
      expect(parsed.errors).toEqual([])
      expect(parsed.students).toHaveLength(roster.length)
      parsed.students.forEach((s, i) => expect(s.birthDate).toBe(roster[i]!.dob))
    }
  })
})
