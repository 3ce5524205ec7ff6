import { stringify } from 'csv-stringify/sync'

import type { Column, Exporter } from '../types'
import { BOM, formatCell } from './csv'
import { neutralizeFormula } from './formula'

const PRONOTE_COLUMNS: Column[] = [
  { id: 'lastName', header: 'Nom', value: (r) => r.lastName },
  { id: 'firstName', header: 'Prénom', value: (r) => r.firstName },
  { id: 'outOf20', header: 'Note', value: (r) => r.outOf20 },
]

/**
 * Pronote's grade import: `Nom;Prénom;Note`, one identified student per line, the mark out of 20
 * with a decimal comma, UTF-8 with BOM. Copies without a student or not finalized are left out, since
 * Pronote matches lines by name and a half-marked copy is no mark.
 */
export const pronoteExporter: Exporter = {
  id: 'pronote',
  label: 'Pronote (Nom;Prénom;Note)',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  columns: () => PRONOTE_COLUMNS,
  render: ({ table, columns }) =>
    BOM +
    stringify(
      [
        columns.map((c) => neutralizeFormula(c.header)),
        ...table.rows
          .filter((r) => r.lastName && r.status === 'finalized')
          .map((row) => columns.map((c) => formatCell({ value: c.value(row), decimal: ',' }))),
      ],
      { delimiter: ';', record_delimiter: 'windows' },
    ),
}
