import { stringify } from 'csv-stringify/sync'

import type { CellValue, Exporter, ExportInput } from '../types'
import { neutralizeFormula } from './formula'

// Excel opens a CSV as UTF-8 only when it starts with a byte order mark; without it, accents break.
export const BOM = '\uFEFF'

/** A cell as CSV text: numbers with the chosen decimal mark, text never able to run as a formula. */
export const formatCell = ({ value, decimal }: { value: CellValue; decimal: ',' | '.' }): string => {
  if (value === undefined) return ''
  if (typeof value === 'number') return decimal === ',' ? String(value).replace('.', ',') : String(value)
  return neutralizeFormula(value)
}

export const renderCsv = ({ table, columns, delimiter, decimal }: ExportInput & { delimiter: string; decimal: ',' | '.' }): string =>
  BOM +
  stringify([columns.map((c) => neutralizeFormula(c.header)), ...table.rows.map((row) => columns.map((c) => formatCell({ value: c.value(row), decimal })))], {
    delimiter,
    record_delimiter: 'windows',
  })

/** French Excel: `;` between cells, decimal comma. */
export const csvExporter: Exporter = {
  id: 'csv',
  label: 'CSV (Excel, ;)',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  render: (input) => renderCsv({ ...input, delimiter: ';', decimal: ',' }),
}

/** Everything else: `,` between cells, decimal point. */
export const csvCommaExporter: Exporter = {
  id: 'csv-comma',
  label: 'CSV (,)',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  render: (input) => renderCsv({ ...input, delimiter: ',', decimal: '.' }),
}
