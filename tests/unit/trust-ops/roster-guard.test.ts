import { guardRosterInput, RosterInputError } from '../../../plugins/identification/lib/rosterGuard/index'
import { parseRoster } from '../../../plugins/identification/lib/roster/index'

const refusal = (data: Uint8Array | string, limits = { maxBytes: 1024 * 1024, maxRows: 100 }): RosterInputError => {
  try {
    guardRosterInput({ data, fileName: 'classe.csv', limits })
  } catch (error) {
    expect(error).toBeInstanceOf(RosterInputError)
    return error as RosterInputError
  }
  throw new Error('accepted')
}
const csv = 'Nom;Prénom\r\nMARTIN;Lucas\r\nDURAND;Zoé\r\n'

test('workbooks, PDFs, images and UTF-32 are refused with 415, saying what to export', () => {
  expect(refusal(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0))).toMatchObject({ status: 415, message: expect.stringMatching(/^classe\.csv is an Excel workbook.*save it as CSV/) })
  expect(refusal(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toMatchObject({ status: 415, message: expect.stringMatching(/old Excel workbook/) })
  expect(refusal(new TextEncoder().encode('%PDF-1.7'))).toMatchObject({ status: 415 })
  expect(refusal(Uint8Array.of(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0))).toMatchObject({ status: 415, message: expect.stringMatching(/UTF-32/) })
})

test('too large or too long is refused with 413 naming the limit', () => {
  expect(refusal(new Uint8Array(2 * 1024 * 1024).fill(65))).toMatchObject({ status: 413, message: expect.stringMatching(/KORRIGO_ROSTER_MAX_MB/) })
  expect(refusal('Nom;Prénom\n' + 'A;B\n'.repeat(200))).toMatchObject({ status: 413, message: expect.stringMatching(/above the 100-student limit/) })
})

test('UTF-16 (with or without a byte-order mark) is decoded; NUL and control characters are removed', () => {
  const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(csv, 'utf16le')])
  expect(parseRoster({ data: guardRosterInput({ data: le }) }).students.map((s) => s.firstName)).toEqual(['Lucas', 'Zoé'])
  expect(parseRoster({ data: guardRosterInput({ data: new Uint8Array(Buffer.from(csv, 'utf16le')) }) }).students).toHaveLength(2)
  const dirty = new TextEncoder().encode('Nom;Prénom\r\nMAR\u0000TIN;Lu\u0007cas\r\n')
  expect(parseRoster({ data: guardRosterInput({ data: dirty }) }).students[0]).toMatchObject({ lastName: 'MARTIN', firstName: 'Lucas' })
  // Windows-1252 bytes are left for the parser to recognise.
  const latin = Uint8Array.from('Nom;Prénom\r\nPÉRÈS;Hélène\r\n', (c) => c.charCodeAt(0))
  expect(guardRosterInput({ data: latin })).toBe(latin)
})
