import type { Payload, PayloadRequest } from 'payload'

import { config } from '../../../runtime/config'
import { guardRosterInput, rosterLimitsFromEnv } from '../lib/rosterGuard/index'
import {
  parseRoster,
  planRosterImport,
  readRosterWorkbook,
  type ComparableField,
  type ExistingStudent,
  type RosterParseResult,
  type RosterRowError,
  type RosterStudent,
} from '../lib/roster/index'

/** One row of the file and what the import does (or, in a preview, would do) with it. */
export type RosterPreviewRow = {
  line: number
  action: 'create' | 'update' | 'unchanged'
  student: Omit<RosterStudent, 'line'>
  /** The fields an update changes. */
  changes: ComparableField[]
}

export type RosterImportError = RosterRowError | { line: number; reason: 'conflict'; message: string; otherLine: number }

export type RosterImportResult = {
  /** True when nothing was written: the counts say what importing the file would do. */
  preview: boolean
  created: number
  updated: number
  unchanged: number
  /** Bad rows (with the physical line in the file) and rows that two lines claimed at once. */
  errors: RosterImportError[]
  rows: RosterPreviewRow[]
  meta: { format: 'csv' | 'xlsx'; sheet?: string; encoding: string; delimiter: string; columns: string[]; header: RosterParseResult['meta']['header'] }
}

const toData = (student: RosterStudent) => {
  const data: Record<string, unknown> = { lastName: student.lastName, firstName: student.firstName }
  // Empty cells never erase what is known (planRosterImport compares the same way).
  if (student.birthDate) data.birthDate = student.birthDate
  if (student.email) data.email = student.email
  if (student.className) data.className = student.className
  if (student.nationalId) data.nationalId = student.nationalId
  if (student.rosterName) data.rosterName = student.rosterName
  return data
}

/**
 * Parses a class list (CSV, or an Excel workbook's first sheet) and creates or updates Students; with
 * `preview`, writes nothing and answers what the import would do. Shared by `POST /api/identification/roster`
 * and `korrigo import-roster`; `className` overrides the file's class column (a file per class).
 */
export const importRoster = async ({
  payload,
  data,
  className,
  fileName,
  preview = false,
  req,
}: {
  payload: Payload
  data: Uint8Array | string
  className?: string
  fileName?: string
  preview?: boolean
  req?: PayloadRequest
}): Promise<RosterImportResult> => {
  const limits = rosterLimitsFromEnv(config())
  // The size limit holds for the workbook as sent, before it is expanded.
  const workbook = data.length > limits.maxBytes ? undefined : await readRosterWorkbook({ data, maxRows: limits.maxRows, fileName })
  const parsed = parseRoster({ data: guardRosterInput({ data: workbook?.text ?? data, fileName, limits }) })
  const incoming = className ? parsed.students.map((s) => ({ ...s, className })) : parsed.students
  const existing = await payload.find({ collection: 'students', depth: 0, limit: 0, pagination: false, overrideAccess: true, req })
  const plan = planRosterImport({ existing: existing.docs as unknown as ExistingStudent[], incoming })
  if (!preview) {
    for (const student of plan.create) await payload.create({ collection: 'students', data: toData(student) as never, overrideAccess: true, req })
    for (const { id, student } of plan.update) await payload.update({ collection: 'students', id, data: toData(student) as never, overrideAccess: true, req })
  }
  const row = (action: RosterPreviewRow['action'], { line, ...student }: RosterStudent, changes: ComparableField[] = []): RosterPreviewRow => ({ line, action, student, changes })
  return {
    preview,
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged.length,
    errors: [...parsed.errors, ...plan.conflicts.map((c) => ({ line: c.line, reason: 'conflict' as const, message: c.message, otherLine: c.otherLine }))].sort((a, b) => a.line - b.line),
    rows: [
      ...plan.create.map((s) => row('create', s)),
      ...plan.update.map((u) => row('update', u.student, u.changes)),
      ...plan.unchanged.map((u) => row('unchanged', u.student)),
    ].sort((a, b) => a.line - b.line),
    meta: {
      format: workbook ? 'xlsx' : 'csv',
      ...(workbook ? { sheet: workbook.sheet } : {}),
      encoding: parsed.meta.encoding,
      delimiter: parsed.meta.delimiter,
      columns: parsed.meta.columns,
      header: parsed.meta.header,
    },
  }
}
