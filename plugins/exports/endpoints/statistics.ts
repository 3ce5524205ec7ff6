import type { Endpoint } from 'payload'

import { assignedExamIds, isAdmin, isTeacher } from '../../../collections/access/roles'
import { NotFoundError } from '../../../runtime/errors'
import { examStatisticsReport } from '../services/statistics'
import { routeId } from '../../kit/routeId'
import { requireSignedIn } from '../../kit/access'

/**
 * GET /api/exports/exams/:id/statistics — figures of the finalized copies (no student names): admins,
 * and the exam's correctors; per-corrector averages name every corrector for admins, only themselves
 * for a teacher.
 */
export const statisticsEndpoint: Endpoint = {
  path: '/exports/exams/:id/statistics',
  method: 'get',
  handler: async (req) => {
    const user = requireSignedIn(req)
    const examId = routeId(req)
    if (!isAdmin(user)) {
      const mine = isTeacher(user) ? (await assignedExamIds(req)).map(String) : []
      // Same answer as for an exam that does not exist: do not reveal other teachers' exams.
      if (!mine.includes(String(examId))) throw new NotFoundError(`Exam ${examId} does not exist`)
    }
    const viewer = { id: String(user.id), seesNames: isAdmin(user) }
    return Response.json(await examStatisticsReport({ payload: req.payload, examId, viewer }))
  },
}
