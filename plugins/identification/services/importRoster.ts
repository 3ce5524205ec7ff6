import type { Payload, PayloadRequest } from 'payload'

import { config } from '../../../runtime/config'
import { guardRosterInput, rosterLimitsFromEnv } from '../lib/rosterGuard/index'
import { parseRoster, planRosterImport, type ExistingStudent, type RosterRowError, type RosterStudent } from '../lib/roster/index'

export type RosterImportResult = {
  created: number
  updated: number
  unchanged: number
  /** Bad rows (with the physical line in the file) and rows that two lines claimed at once. */
  errors: (RosterRowError | { line: number; reason: 'conflict'; message: string })[]
  meta: { encoding: string; delimiter: string; columns: string[] }
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
 * Parses a class list and creates or updates Students. Shared by `POST /api/identification/roster`
 * and `korrigo import-roster`; `className` overrides the file's class column (a file per class).
 */
export const importRoster = async ({ payload, data, className, req }: { payload: Payload; data: Uint8Array | string; className?: string; req?: PayloadRequest }): Promise<RosterImportResult> => {
  const parsed = parseRoster({ data: guardRosterInput({ data, limits: rosterLimitsFromEnv(config()) }) })
  const incoming = className ? parsed.students.map((s) => ({ ...s, className })) : parsed.students
  const existing = await payload.find({ collection: 'students', depth: 0, limit: 0, pagination: false, overrideAccess: true, req })
  const plan = planRosterImport({ existing: existing.docs as unknown as ExistingStudent[], incoming })
  for (const student of plan.create) await payload.create({ collection: 'students', data: toData(student) as never, overrideAccess: true, req })
  for (const { id, student } of plan.update) await payload.update({ collection: 'students', id, data: toData(student) as never, overrideAccess: true, req })
  return {
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged.length,
    errors: [...parsed.errors, ...plan.conflicts.map((c) => ({ line: c.line, reason: 'conflict' as const, message: c.message }))].sort((a, b) => a.line - b.line),
    meta: { encoding: parsed.meta.encoding, delimiter: parsed.meta.delimiter, columns: parsed.meta.columns },
  }
}
