// The view's one call (same origin, the admin's session cookie). The shape is the server's own
// (type-only: nothing of the statistics code is bundled into the admin).
import type { Bin, CorrectorFigures, QuestionStatistics, StatisticsReport } from '../../plugins/exports/lib/statistics'

export type { Bin, CorrectorFigures, QuestionStatistics, StatisticsReport }

export const fetchStatistics = async (examId: string | number): Promise<StatisticsReport> => {
  const response = await fetch(`/api/exports/exams/${examId}/statistics`, { credentials: 'include' })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  return body as StatisticsReport
}
