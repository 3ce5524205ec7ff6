import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { buildResultsTable } from '../lib/buildTable'
import { roundingRule } from '../lib/rounding'
import { correctorStatistics, examStatistics, type AttributedGrade, type StatisticsReport, type StatisticsViewer } from '../lib/statistics'
import { loadExamResults } from './loadExam'

/** Display names of users, read with the server's rights: the name, else the address. */
const userNames = async ({ payload, ids }: { payload: Payload; ids: string[] }): Promise<Record<string, string>> => {
  if (!ids.length) return {}
  const users = await payload.find({ collection: 'users', where: { id: { in: ids } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  return Object.fromEntries(users.docs.map((u) => [String(u.id), (u as { name?: string | null }).name || u.email]))
}

/** The exam's figures over its finalized copies, and its correctors' as the viewer may see them. */
export const examStatisticsReport = async ({ payload, examId, viewer }: { payload: Payload; examId: Id; viewer: StatisticsViewer }): Promise<StatisticsReport> => {
  const results = await loadExamResults({ payload, examId })
  const table = buildResultsTable({ ...results, rounding: roundingRule() })
  const grades: AttributedGrade[] = results.copies
    .filter((c) => c.status === 'finalized')
    .flatMap((c) =>
      c.grades
        .filter((g): g is typeof g & { points: number } => typeof g.points === 'number')
        .map((g) => ({ copy: c.anonymousId, questionKey: g.questionKey, points: g.points, corrector: g.corrector == null ? null : String(g.corrector) })),
    )
  const correctorIds = [...new Set(grades.map((g) => g.corrector).filter((id): id is string => id !== null))]
  // A teacher's answer is built without the other names at all, not merely with them hidden.
  const names = await userNames({ payload, ids: viewer.seesNames ? correctorIds : correctorIds.filter((id) => id === viewer.id) })
  return { ...examStatistics(table), ...correctorStatistics({ grades, questions: table.questions, names, viewer }) }
}
