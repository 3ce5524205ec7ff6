import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { runExport, type ExportFile } from '../lib/runExport'
import { loadExamResults } from './loadExam'

export type ExportRequest = { examId: Id; format: string; columns?: string[]; rounding?: string }

export const exportExam = async ({ payload, examId, format, columns, rounding }: ExportRequest & { payload: Payload }): Promise<ExportFile> => {
  const results = await loadExamResults({ payload, examId })
  return runExport({ format, ...results, columns, rounding })
}

/** `a,b, c` → ['a', 'b', 'c']; nothing → undefined (the default columns). */
export const parseColumns = (value: unknown): string[] | undefined => {
  if (typeof value !== 'string' || !value.trim()) return undefined
  return value.split(',').map((s) => s.trim()).filter(Boolean)
}
