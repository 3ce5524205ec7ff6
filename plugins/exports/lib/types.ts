import type { ScaleQuestion } from '../../../collections/grading-scale'

export type { ScaleQuestion }

/** One copy's line in the results: points per question key, the total and the mark out of 20. */
export type ResultRow = {
  anonymousId: string
  lastName: string
  firstName: string
  className: string
  status: string
  points: Record<string, number | undefined>
  /** Undefined while the copy is not marked yet (no mark and not closed): not a 0. */
  total: number | undefined
  /** After the rounding rule; undefined when the scale has no points or the copy is not marked yet. */
  outOf20: number | undefined
}

export type ResultsTable = {
  exam: { id: string | number; title: string; subject?: string | null; className?: string | null; date?: string | null }
  questions: ScaleQuestion[]
  maxTotal: number
  rows: ResultRow[]
}

export type CellValue = string | number | undefined

/** A column: a stable id (`anonymousId`, `q:Q1`, `outOf20`…), its header, how a row fills it. */
export type Column = { id: string; header: string; value: (row: ResultRow) => CellValue }

export type ExportInput = { table: ResultsTable; columns: Column[] }

/**
 * An export format. `render` is pure: the table and the chosen columns in, the file's bytes (or text,
 * written as UTF-8) out. `columns` lets a format impose its own (Pronote does); `rounding` its own rule.
 */
export type Exporter = {
  id: string
  label: string
  contentType: string
  extension: string
  rounding?: string
  columns?: (table: ResultsTable) => Column[]
  render: (input: ExportInput) => Uint8Array | string | Promise<Uint8Array | string>
}

export type RoundingRule = { id: string; label: string; round: (mark: number) => number }
