import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RosterError, readRoster } from '../../../cli/lib/readRoster.js'
import { copyFileName } from '../../../cli/commands/process.js'

describe('readRoster (CLI)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, text: string) => {
    const p = join(dir, name)
    writeFileSync(p, text)
    return p
  }

  it('reads French headers, semicolons and a BOM', () => {
    const rows = readRoster(file('fr.csv', '\uFEFFNom;Prénom;Courriel\nMARTIN;Lucas;l@x.fr\nDUBOIS;Hugo;\n'))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ last_name: 'MARTIN', first_name: 'Lucas', email: 'l@x.fr' })
  })

  it('reads English headers with commas', () => {
    expect(readRoster(file('en.csv', 'last_name,first_name,email\nDOE,Jane,j@x.org\n'))).toHaveLength(1)
  })

  it('names the file and the problem', () => {
    expect(() => readRoster(file('cols.csv', 'a,b\n1,2\n'))).toThrow(/cols\.csv: the roster needs last_name and first_name/)
    expect(() => readRoster(file('row.csv', 'nom,prenom\n,\n'))).toThrow(RosterError)
    expect(() => readRoster(join(dir, 'missing.csv'))).toThrow(/missing\.csv: cannot read the roster/)
  })

  it('numbers copy files from 001', () => {
    expect([0, 9, 122].map(copyFileName)).toEqual(['copy-001.pdf', 'copy-010.pdf', 'copy-123.pdf'])
  })
})
