import type { Endpoint } from 'payload'

import { assignedExamIds, isAdmin, isTeacher, type Id } from '../../../collections/access/roles'
import { ForbiddenError, NotFoundError } from '../../../runtime/errors'
import { buildResultsTable } from '../lib/buildTable'
import { roundingRule } from '../lib/rounding'
import { examStatistics } from '../lib/statistics'
import { loadExamResults } from '../services/loadExam'

/** GET /api/exports/exams/:id/statistics — anonymous figures: admins, and the exam's correctors. */
export const statisticsEndpoint: Endpoint = {
  path: '/exports/exams/:id/statistics',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new ForbiddenError('Sign in first')
    const examId = req.routeParams?.id as Id
    if (!isAdmin(req.user)) {
      const mine = isTeacher(req.user) ? (await assignedExamIds(req)).map(String) : []
      // Same answer as for an exam that does not exist: do not reveal other teachers' exams.
      if (!mine.includes(String(examId))) throw new NotFoundError(`Exam ${examId} does not exist`)
    }
    const results = await loadExamResults({ payload: req.payload, examId })
    const table = buildResultsTable({ ...results, rounding: roundingRule() })
    return Response.json(examStatistics(table))
  },
}
