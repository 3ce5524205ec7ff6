import type { Exporter } from '../../plugins/exports'

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/**
 * The school's ENT wants `Classe,Nom,Prénom,Moyenne` with the mark out of 20 and a decimal point,
 * no BOM, LF line ends, and "ABS" for a student whose copy is not finalized.
 */
export const entExporter: Exporter = {
  id: 'ent',
  label: 'ENT du lycée (Classe,Nom,Prénom,Moyenne)',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  rounding: 'half-point-up',
  render: ({ table }) =>
    [
      'Classe,Nom,Prénom,Moyenne',
      ...table.rows
        .filter((row) => row.lastName)
        .map((row) =>
          [row.className, row.lastName, row.firstName, row.status === 'finalized' && row.outOf20 !== undefined ? String(row.outOf20) : 'ABS'].map(cell).join(','),
        ),
    ].join('\n') + '\n',
}
