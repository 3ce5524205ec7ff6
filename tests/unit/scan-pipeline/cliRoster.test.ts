import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { copyFileName } from '../../../cli/commands/process'
import { RosterFileError, loadRoster } from '../../../cli/lib/loadRoster'

describe('loadRoster (CLI)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, text: string | Uint8Array) => {
    const p = join(dir, name)
    writeFileSync(p, text)
    return p
  }

  it('reads French headers, semicolons and a BOM', () => {
    const { students } = loadRoster(file('fr.csv', '\uFEFFNom;Prénom;Courriel\nMARTIN;Lucas;l@x.fr\nDUBOIS;Hugo;\n'))
    expect(students).toHaveLength(2)
    expect(students[0]).toMatchObject({ lastName: 'MARTIN', firstName: 'Lucas', email: 'l@x.fr' })
  })

  it('reads English headers with commas, and Windows-1252 bytes', () => {
    expect(loadRoster(file('en.csv', 'last_name,first_name,email\nDOE,Jane,j@x.org\n')).students).toHaveLength(1)
    const latin1 = Uint8Array.from([...'Nom;Prénom\nL'].map((c) => c.charCodeAt(0)).concat([0xc9], [...'VY;Chlo'].map((c) => c.charCodeAt(0)), [0xe9, 0x0a]))
    expect(loadRoster(file('cp1252.csv', latin1)).students[0]).toMatchObject({ lastName: 'LÉVY', firstName: 'Chloé' })
  })

  it('keeps the good rows and names the bad ones by line', () => {
    const { students, errors } = loadRoster(file('rows.csv', 'nom;prenom\nMARTIN;Lucas\n;Emma\nDUBOIS;Hugo\n'))
    expect(students.map((s) => s.lastName)).toEqual(['MARTIN', 'DUBOIS'])
    expect(errors).toEqual([expect.objectContaining({ line: 3, reason: 'missing_last_name' })])
  })

  it('names the file and the problem when the roster cannot be used', () => {
    expect(() => loadRoster(file('cols.csv', 'a,b\n1,2\n'))).toThrow(/cols\.csv: /)
    expect(() => loadRoster(file('cols.csv', 'a,b\n1,2\n'))).toThrow(RosterFileError)
    expect(() => loadRoster(join(dir, 'missing.csv'))).toThrow(/missing\.csv: cannot read the roster/)
  })

  it('numbers copy files from 001', () => {
    expect([0, 9, 122].map(copyFileName)).toEqual(['copy-001.pdf', 'copy-010.pdf', 'copy-123.pdf'])
  })
})
