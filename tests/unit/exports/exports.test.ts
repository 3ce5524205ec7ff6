import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { buildResultsTable, distribution, examStatistics, registerExporter, registerRoundingRule, roundingRule, runExport, type TableCopy } from '../../../plugins/exports/lib'

const exam = { id: 1, title: 'Français — dictée n°2', className: '4e A' }
const questions = [
  { key: 'Q1', label: 'Orthographe', maxPoints: 6, step: 0.5 },
  { key: 'Q2', label: 'Grammaire', maxPoints: 4, step: 0.25 },
]
const copies: TableCopy[] = [
  { anonymousId: 'K-0002', status: 'finalized', student: { lastName: 'Éluard', firstName: 'Zoé', className: '4e A' }, grades: [{ questionKey: 'Q1', points: 5.5 }, { questionKey: 'Q2', points: 3.25 }] },
  { anonymousId: 'K-0001', status: 'finalized', student: { lastName: "N'Diaye", firstName: 'Aïssatou', className: '4e A' }, grades: [{ questionKey: 'Q1', points: 3 }, { questionKey: 'Q2', points: 1.75 }] },
  { anonymousId: 'K-0003', status: 'marking', student: { lastName: 'Çelik', firstName: 'Noël', className: '4e A' }, grades: [{ questionKey: 'Q1', points: 2 }] },
  { anonymousId: 'K-0004', status: 'finalized', student: null, grades: [] },
]

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

describe('results exports', () => {
  it('writes a French Excel CSV: BOM, `;`, decimal comma, accents intact, sorted by name', async () => {
    const file = await runExport({ format: 'csv', exam, questions, copies })
    const content = text(file.bytes)
    expect(content.charCodeAt(0)).toBe(0xfeff)
    const rows = parse(content.slice(1), { delimiter: ';' }) as string[][]
    expect(rows[0]).toEqual(['Numéro anonyme', 'Nom', 'Prénom', 'Classe', 'Orthographe (/6)', 'Grammaire (/4)', 'Total (/10)', 'Note /20'])
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Çelik', 'Éluard', "N'Diaye", ''])
    expect(rows[2]).toEqual(['K-0002', 'Éluard', 'Zoé', '4e A', '5,5', '3,25', '8,75', '17,5'])
    expect(rows[1][5]).toBe('') // not graded yet
    expect(file.fileName).toBe('francais-dictee-n-2-csv.csv')
    expect(file.contentType).toContain('text/csv')
  })

  it('writes a comma CSV with decimal points, and only the columns asked for', async () => {
    const file = await runExport({ format: 'csv-comma', exam, questions, copies, columns: ['lastName', 'questions', 'outOf20'] })
    const rows = parse(text(file.bytes).slice(1), { delimiter: ',' }) as string[][]
    expect(rows[0]).toEqual(['Nom', 'Orthographe (/6)', 'Grammaire (/4)', 'Note /20'])
    expect(rows[2]).toEqual(['Éluard', '5.5', '3.25', '17.5'])
    await expect(runExport({ format: 'csv', exam, questions, copies, columns: ['shoeSize'] })).rejects.toMatchObject({ status: 400 })
  })

  it('writes a workbook exceljs reads back, numbers as numbers', async () => {
    const file = await runExport({ format: 'xlsx', exam, questions, copies })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.bytes) as never)
    const sheet = workbook.worksheets[0]
    expect(sheet.name).toBe('Français — dictée n°2')
    expect(sheet.getRow(1).getCell(3).value).toBe('Prénom')
    expect(sheet.getRow(3).getCell(2).value).toBe('Éluard')
    expect(sheet.getRow(3).getCell(8).value).toBe(17.5)
    expect(sheet.getRow(4).getCell(3).value).toBe('Aïssatou')
  })

  it('writes Pronote’s Nom;Prénom;Note with finalized, identified copies only', async () => {
    const file = await runExport({ format: 'pronote', exam, questions, copies, columns: ['anonymousId'] })
    const rows = parse(text(file.bytes).slice(1), { delimiter: ';' }) as string[][]
    expect(rows).toEqual([
      ['Nom', 'Prénom', 'Note'],
      ['Éluard', 'Zoé', '17,5'],
      ['N\'Diaye', 'Aïssatou', '9,5'],
    ])
  })

  it('rounds the mark with the rule asked for', async () => {
    const rows = async (rounding?: string) =>
      (parse(text((await runExport({ format: 'csv', exam, questions, copies: copies.slice(0, 1), columns: ['outOf20'], rounding })).bytes).slice(1), { delimiter: ';' }) as string[][])[1][0]
    expect(await rows()).toBe('17,5')
    expect(await rows('half')).toBe('17,5')
    registerRoundingRule({ id: 'whole-up', label: 'Au point supérieur', round: Math.ceil })
    expect(await rows('whole-up')).toBe('18')
    await expect(rows('nope')).rejects.toMatchObject({ status: 400 })
  })

  it('takes formats registered by plugins, and refuses unknown ones', async () => {
    registerExporter({ id: 'names-only', label: 'Names', contentType: 'text/plain', extension: 'txt', render: ({ table }) => table.rows.map((r) => r.lastName).join('\n') })
    expect(text((await runExport({ format: 'names-only', exam, questions, copies })).bytes)).toBe("Çelik\nÉluard\nN'Diaye\n")
    await expect(runExport({ format: 'pdf', exam, questions, copies })).rejects.toMatchObject({ status: 400 })
  })
  it('leaves the total and the mark empty for a copy not marked yet, never 0 (issue 15, point 7)', async () => {
    const waiting: TableCopy[] = [
      { anonymousId: 'K-0005', status: 'ready', student: { lastName: 'Abbas', firstName: 'Lina', className: '4e A' }, grades: [] },
      { anonymousId: 'K-0006', status: 'marking', student: { lastName: 'Bruno', firstName: 'Max', className: '4e A' }, grades: [{ questionKey: 'Q2', points: 0 }] },
    ]
    const rows = parse(text((await runExport({ format: 'csv', exam, questions, copies: waiting })).bytes).slice(1), { delimiter: ';' }) as string[][]
    expect(rows[1]).toEqual(['K-0005', 'Abbas', 'Lina', '4e A', '', '', '', ''])
    // a real 0 stays a 0: one question marked
    expect(rows[2]).toEqual(['K-0006', 'Bruno', 'Max', '4e A', '', '0', '0', '0'])
    const table = buildResultsTable({ exam, questions, copies: waiting, rounding: roundingRule() })
    expect(table.rows.map((r) => [r.total, r.outOf20])).toEqual([[undefined, undefined], [0, 0]])
  })

  it('computes anonymous statistics over finalized copies only', () => {
    const stats = examStatistics(buildResultsTable({ exam, questions, copies, rounding: roundingRule() }))
    expect(stats.copies).toBe(4)
    expect(stats.finalized).toBe(3)
    // 17.5, 9.5 and 0 (the unidentified copy with no grade)
    expect(stats.outOf20).toEqual({ count: 3, mean: 9, median: 9.5, stdDev: 7.15, min: 0, max: 17.5 })
    expect(stats.histogram.map((b) => b.count)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0])
    expect(stats.questions[0]).toMatchObject({ key: 'Q1', label: 'Orthographe', maxPoints: 6, graded: 2, mean: 4.25, successRate: 0.71, median: 4.25, stdDev: 1.25, min: 3, max: 5.5 })
    expect(distribution([])).toBeUndefined()
  })
})
