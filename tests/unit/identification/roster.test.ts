import { parseRoster, planRosterImport, RosterFormatError, type ExistingStudent } from '../../../plugins/identification/lib/roster/index.js'
import { createRng } from './helpers/prng.js'
import { encodeText, formatDate, generateStudents, rosterText, type RosterFlavour } from './helpers/rosterFile.js'

const flavours: RosterFlavour[] = []
for (const encoding of ['utf-8', 'utf-8-bom', 'windows-1252'] as const)
  for (const delimiter of [',', ';'] as const)
    for (const eol of ['\n', '\r\n'] as const)
      for (const headers of ['fr', 'en'] as const)
        flavours.push({ encoding, delimiter, eol, headers, dateStyle: (['dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy', 'iso'] as const)[flavours.length % 5]! })

describe('parseRoster: generated awkward rosters', () => {
  test.each(flavours.map((f) => [`${f.encoding} "${f.delimiter}" ${JSON.stringify(f.eol)} ${f.headers} ${f.dateStyle}`, f] as const))(
    '%s round-trips every student',
    (_label, flavour) => {
      const students = generateStudents({ rng: createRng(flavours.indexOf(flavour) + 1), count: 30 })
      const bytes = encodeText(rosterText({ students, flavour }), flavour.encoding)
      const result = parseRoster({ data: bytes })

      expect(result.errors).toEqual([])
      expect(result.meta.delimiter).toBe(flavour.delimiter)
      expect(result.meta.encoding).toBe(flavour.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8')
      expect(result.students.map(({ line: _line, ...s }) => s)).toEqual(
        students.map((s) => ({ ...s, email: s.email.toLowerCase(), rosterName: null })),
      )
      expect(result.students.map((s) => s.line)).toEqual(students.map((_, i) => i + 2))
    },
  )

  test('windows-1252 bytes of accents, œ and apostrophes decode to the right letters', () => {
    const text = 'Nom;Prénom;Date de naissance\r\nLŒUILLET;Zoé;01/02/2010\r\nN’Diaye;Anaïs;3/4/2009\r\n'
    const result = parseRoster({ data: encodeText(text, 'windows-1252') })
    expect(result.meta.encoding).toBe('windows-1252')
    expect(result.students.map((s) => [s.lastName, s.firstName, s.birthDate])).toEqual([
      ['LŒUILLET', 'Zoé', '2010-02-01'],
      ['N’Diaye', 'Anaïs', '2009-04-03'],
    ])
  })

  test('header matching ignores case, accents, spaces and punctuation', () => {
    const text = '  nom de famille ,PRENOM, date  DE naissance,COURRIEL,N° INE\nMartin,Léa,2010-05-06,LEA@X.FR, 123 456 789ab \n'
    const [student] = parseRoster({ data: text }).students
    expect(student).toMatchObject({ lastName: 'Martin', firstName: 'Léa', birthDate: '2010-05-06', email: 'lea@x.fr', nationalId: '123456789AB' })
  })

  test('a single "Élève" column with the last name in capitals is split', () => {
    const text = 'Élève;Classe\nDE LA FONTAINE Jean-Baptiste;3A\nO\'BRIEN Marie Ange;3A\nMadonna;3A\nLéa MARTIN;3A\n'
    const result = parseRoster({ data: text })
    expect(result.students.map((s) => [s.lastName, s.firstName, s.rosterName])).toEqual([
      ['DE LA FONTAINE', 'Jean-Baptiste', null],
      ["O'BRIEN", 'Marie Ange', null],
      ['MARTIN', 'Léa', null],
    ])
    expect(result.errors).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('"Madonna" holds a single name') })])
  })

  test('a school-software export: one "Élèves" column in capitals, extra columns, Classe before Groupe', () => {
    const text = [
      'Élèves,Né(e) le,Adresse E-mail,Classe,EDS,Groupe',
      'BEN AYED SARAH,12/03/2008,sarah.ben-ayed@lycee.fr,T3,MATHS-PC,G2',
      'DA SILVA JOAO,01/09/2007,,T3,SES,G1',
      'MARTIN JEAN PIERRE,05/05/2008,,T3,,G1',
      'DUPONT CHLOÉ,30/11/2008,chloe.dupont@lycee.fr,T3,,G2',
      'NGUYEN THI MAI ANH,02/02/2008,mai-anh.nguyen-thi@lycee.fr,T3,,G2',
    ].join('\r\n')
    const result = parseRoster({ data: text })
    expect(result.errors).toEqual([])
    expect(result.meta.columns).toEqual(['fullName', 'birthDate', 'email', 'className'])
    expect(result.students.map((s) => [s.lastName, s.firstName, s.birthDate, s.className, s.rosterName])).toEqual([
      // the e-mail spells the split
      ['BEN AYED', 'Sarah', '2008-03-12', 'T3', 'BEN AYED SARAH'],
      // a leading particle joins the last name
      ['DA SILVA', 'Joao', '2007-09-01', 'T3', 'DA SILVA JOAO'],
      // nothing tells: the first word is the last name, and the full name is kept for matching
      ['MARTIN', 'Jean Pierre', '2008-05-05', 'T3', 'MARTIN JEAN PIERRE'],
      ['DUPONT', 'Chloé', '2008-11-30', 'T3', 'DUPONT CHLOÉ'],
      ['NGUYEN THI', 'Mai Anh', '2008-02-02', 'T3', 'NGUYEN THI MAI ANH'],
    ])
  })
})

describe('parseRoster: bad rows', () => {
  // Physical lines: a quoted field with a line break (lines 3-4) and a blank line (6)
  // must not shift the numbers of the rows that follow.
  const text = [
    'Nom,Prénom,Né(e) le,Email,Classe', // 1
    'Dupont,Marie,12/03/2010,marie@x.fr,3A', // 2
    '"Le Goff","Anne', // 3
    'Sophie",1/2/2010,anne@x.fr,3A', // 4
    ',Paul,01/01/2010,paul@x.fr,3A', // 5
    '', // 6
    'Martin,Léa,31/02/2010,lea@x.fr,3A', // 7
    'Martins,Léo,2010-13-01,leo@x.fr,3A', // 8
    'Bernard,Jules,05/06/2010,jules@,3A', // 9
    'Dupont,Marie,12/03/2010,marie@x.fr,3A', // 10
    'Durand,Tom,05/06/2010,marie@x.fr,3A', // 11
    'Petit,,05/06/2010,,3A', // 12
    '"Moreau",Éva,2010-06-07,,3B', // 13
  ].join('\r\n')

  const result = parseRoster({ data: text })

  test('good rows are still returned, with their physical line', () => {
    expect(result.students.map((s) => [s.line, s.lastName, s.firstName])).toEqual([
      [2, 'Dupont', 'Marie'],
      [3, 'Le Goff', 'Anne Sophie'], // whitespace in names is collapsed
      [13, 'Moreau', 'Éva'],
    ])
  })

  test('every bad row is reported with its line and reason', () => {
    expect(result.errors.map((e) => [e.line, e.reason, e.message])).toEqual([
      [5, 'missing_last_name', 'missing last name'],
      [7, 'invalid_date', 'invalid date "31/02/2010"'],
      [8, 'invalid_date', 'invalid date "2010-13-01"'],
      [9, 'invalid_email', 'invalid email "jules@"'],
      [10, 'duplicate_row', 'duplicate row: same as line 2'],
      [11, 'duplicate_key', 'duplicate student: same email as line 2'],
      [12, 'missing_first_name', 'missing first name'],
    ])
  })

  test('an unterminated quote is reported where it starts', () => {
    const r = parseRoster({ data: 'Nom;Prénom\nA;B\n"C;D\nE;F\n' })
    expect(r.students).toHaveLength(1)
    expect(r.errors).toEqual([expect.objectContaining({ line: 3, reason: 'malformed_row' })])
  })
})

describe('parseRoster: unusable files', () => {
  test('no recognisable header names the columns found and required', () => {
    let error: unknown
    try {
      parseRoster({ data: 'Identifiant;Groupe sanguin;Remarque\n1;A+;rien\n' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RosterFormatError)
    const e = error as RosterFormatError
    expect(e.status).toBe(422)
    expect(e.foundColumns).toEqual(['Identifiant', 'Groupe sanguin', 'Remarque'])
    expect(e.requiredColumns.join(' ')).toMatch(/Nom.*Prénom/)
    expect(e.message).toContain('"Groupe sanguin"')
  })

  test('an empty file is a 400', () => {
    expect(() => parseRoster({ data: new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]) })).toThrow(
      expect.objectContaining({ status: 400 }),
    )
  })
})

describe('planRosterImport', () => {
  const rng = createRng(42)
  const generated = generateStudents({ rng, count: 30 })
  const flavour: RosterFlavour = { encoding: 'utf-8', delimiter: ';', eol: '\r\n', headers: 'fr', dateStyle: 'dd/mm/yyyy' }

  test('re-importing the same file creates nothing and changes nothing', () => {
    const first = parseRoster({ data: rosterText({ students: generated, flavour }) })
    const existing: ExistingStudent[] = first.students.map((s, i) => ({ id: i + 1, ...s }))
    const plan = planRosterImport({ existing, incoming: first.students })
    expect(plan.create).toEqual([])
    expect(plan.update).toEqual([])
    expect(plan.unchanged).toHaveLength(30)
  })

  test('a second import without INE, with a changed email and a new student, updates instead of duplicating', () => {
    // First import had no INE column; the school later sends a file with it.
    const noIne = generated.map((s) => ({ ...s, nationalId: '' }))
    const firstText = rosterText({ students: noIne, flavour }).replace(/;INE/, ';Remarque')
    const first = parseRoster({ data: firstText })
    expect(first.students.every((s) => s.nationalId === null)).toBe(true)
    const existing: ExistingStudent[] = first.students.map((s, i) => ({ id: `s${i}`, ...s }))

    const changed = generated.map((s, i) => (i === 3 ? { ...s, email: `new.${s.email}` } : s))
    const newcomer = { ...generated[0]!, lastName: 'Nouvelle', firstName: 'Élève', email: 'nouvelle@x.fr', nationalId: '999999999ZZ' }
    const second = parseRoster({ data: rosterText({ students: [...changed, newcomer], flavour }) })
    const plan = planRosterImport({ existing, incoming: second.students })

    expect(plan.create.map((s) => s.lastName)).toEqual(['Nouvelle'])
    expect(plan.update).toHaveLength(30)
    // Student 3's email changed, so it can only be found by name + birth date.
    const moved = plan.update.find((u) => u.id === 's3')!
    expect(moved.matchedBy).toBe('name')
    expect(moved.changes.sort()).toEqual(['email', 'nationalId'])
    expect(plan.update.filter((u) => u.id !== 's3').every((u) => u.matchedBy === 'email' && u.changes.join() === 'nationalId')).toBe(true)
    expect(plan.conflicts).toEqual([])
  })

  test('two different national ids never merge, even with the same name and birth date', () => {
    const base = { line: 2, lastName: 'Martin', firstName: 'Léa', birthDate: '2010-01-01', className: null, email: null, rosterName: null }
    const plan = planRosterImport({
      existing: [{ id: 1, ...base, nationalId: '111A' }],
      incoming: [{ ...base, nationalId: '222B' }],
    })
    expect(plan.create).toHaveLength(1)
    expect(plan.update).toHaveLength(0)
  })

  test('two incoming rows resolving to one existing student is a conflict', () => {
    const base = { lastName: 'Martin', firstName: 'Léa', birthDate: '2010-01-01', className: null, nationalId: null, rosterName: null }
    const plan = planRosterImport({
      existing: [{ id: 7, ...base, email: 'lea@x.fr' }],
      incoming: [
        { ...base, line: 2, email: 'lea@x.fr' },
        { ...base, line: 3, email: 'autre@x.fr' },
      ],
    })
    expect(plan.unchanged.map((u) => u.id)).toEqual([7])
    expect(plan.conflicts).toEqual([expect.objectContaining({ line: 3, id: 7 })])
  })

  test('dates in every accepted style normalise to ISO', () => {
    for (const style of ['dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy', 'iso'] as const) {
      const r = parseRoster({ data: `Nom,Prénom,Né le\nA,B,${formatDate('2009-03-07', style)}\n` })
      expect(r.students[0]!.birthDate).toBe('2009-03-07')
    }
  })
})
