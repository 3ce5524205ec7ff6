import type { Exporter } from '../types'

/** A real workbook: numbers stay numbers, the header row is bold and frozen. */
export const xlsxExporter: Exporter = {
  id: 'xlsx',
  label: 'Excel (.xlsx)',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  render: async ({ table, columns }) => {
    // exceljs is big: loaded only when a workbook is asked for, and kept out of Next's bundle of the config.
    const { default: ExcelJS } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'exceljs')
    const workbook = new ExcelJS.Workbook()
    workbook.creator = 'Korrigo'
    // Sheet names are limited to 31 characters and some punctuation.
    const sheet = workbook.addWorksheet((table.exam.title || 'Résultats').replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.columns = columns.map((c) => ({ header: c.header, key: c.id, width: Math.max(10, Math.min(40, c.header.length + 2)) }))
    sheet.getRow(1).font = { bold: true }
    for (const row of table.rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.id, c.value(row) ?? null])))
    return new Uint8Array(await workbook.xlsx.writeBuffer())
  },
}
