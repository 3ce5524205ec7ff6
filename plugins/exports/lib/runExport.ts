import { buildResultsTable, type TableCopy } from './buildTable'
import { selectColumns } from './columns'
import { exporterFor } from './registry'
import { roundingRule } from './rounding'
import type { ResultsTable, ScaleQuestion } from './types'

export type ExportFile = { bytes: Uint8Array; contentType: string; fileName: string; rows: number }

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'export'

/** Table → chosen columns → the format's bytes. The rounding rule: asked for, else the format's, else the default. */
export const runExport = async ({
  format,
  exam,
  questions,
  copies,
  columns,
  rounding,
}: {
  format: string
  exam: ResultsTable['exam']
  questions: ScaleQuestion[]
  copies: TableCopy[]
  columns?: string[]
  rounding?: string
}): Promise<ExportFile> => {
  const exporter = exporterFor(format)
  const table = buildResultsTable({ exam, questions, copies, rounding: roundingRule(rounding ?? exporter.rounding) })
  const chosen = exporter.columns ? exporter.columns(table) : selectColumns({ table, ids: columns })
  const output = await exporter.render({ table, columns: chosen })
  const bytes = typeof output === 'string' ? new TextEncoder().encode(output) : output
  return { bytes, contentType: exporter.contentType, fileName: `${slug(exam.title)}-${exporter.id}.${exporter.extension}`, rows: table.rows.length }
}
