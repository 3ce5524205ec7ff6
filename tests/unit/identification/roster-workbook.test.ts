import ExcelJS from 'exceljs'

import { parseRoster, readRosterWorkbook } from '../../../plugins/identification/lib/roster/index'
import { RosterInputError } from '../../../plugins/identification/lib/rosterGuard/index'

/**
 * Issue 15.9: an Excel class list is read as the CSV the roster parser takes, one line per sheet row, so its
 * errors name the rows Excel shows; what is not a readable workbook is left to the guard's refusal, and a
 * workbook that would expand far past a class list is refused before it is opened.
 */
const book = async (fill: (sheet: ExcelJS.Worksheet) => void) => {
  const workbook = new ExcelJS.Workbook()
  fill(workbook.addWorksheet('Classe'))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

test('rows keep their numbers; dates, links, formulas and line breaks become the text the parser reads', async () => {
  const bytes = await book((sheet) => {
    sheet.getCell('A1').value = 'Export Pronote'
    sheet.getRow(4).values = ['Nom', 'Prénom', 'Né le', 'Mail', 'Points']
    sheet.getRow(5).values = ['Dupont', 'Marie\nClaire', new Date(Date.UTC(2011, 2, 14)), { text: 'marie@eleve.test', hyperlink: 'mailto:marie@eleve.test' }, { formula: '1+1', result: 2 }]
    sheet.getRow(7).values = ['Durand', 'Tom', '31/02/2011', 'tom@eleve.test', 3]
  })
  const workbook = await readRosterWorkbook({ data: bytes, maxRows: 100 })
  expect(workbook?.sheet).toBe('Classe')
  const parsed = parseRoster({ data: workbook!.text })
  expect(parsed.meta.header).toMatchObject({ line: 4, ignored: ['Points'] })
  expect(parsed.students).toEqual([expect.objectContaining({ line: 5, lastName: 'Dupont', firstName: 'Marie Claire', birthDate: '2011-03-14', email: 'marie@eleve.test' })])
  expect(parsed.errors).toEqual([expect.objectContaining({ line: 7, reason: 'invalid_date', value: '31/02/2011' })])
})

test('a file that is not a workbook exceljs reads is left to the guard', async () => {
  expect(await readRosterWorkbook({ data: new TextEncoder().encode('Nom;Prénom\r\n'), maxRows: 100 })).toBeUndefined()
  expect(await readRosterWorkbook({ data: Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...new Uint8Array(64)), maxRows: 100 })).toBeUndefined()
})

test('a workbook declaring more than a class list could ever expand to is refused with 413', async () => {
  const bytes = await book((sheet) => sheet.addRow(['Nom', 'Prénom']))
  // Its central directory now says one entry expands to 2 GB.
  const central = bytes.findIndex((_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02)
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(central + 24, 0x7fffffff, true)
  await expect(readRosterWorkbook({ data: bytes, maxRows: 100 })).rejects.toThrow(RosterInputError)
  await expect(readRosterWorkbook({ data: bytes, maxRows: 100 })).rejects.toMatchObject({ status: 413, code: 'roster_too_large' })
})
