import type { Endpoint } from 'payload'

import { exportExam, parseColumns } from '../services/exportExam'
import { routeId } from '../../kit/routeId'
import { requireAdmin } from '../../kit/access'

/**
 * GET /api/exports/exams/:id?format=csv|csv-comma|xlsx|pronote|<registered>&columns=a,b&rounding=<rule>
 * — admins only (the file names the students). Answers the file itself, as an attachment.
 */
export const exportResultsEndpoint: Endpoint = {
  path: '/exports/exams/:id',
  method: 'get',
  handler: async (req) => {
    requireAdmin(req, 'Only admins can export results')
    const query = (req.query ?? {}) as Record<string, unknown>
    const file = await exportExam({
      payload: req.payload,
      examId: routeId(req),
      format: typeof query.format === 'string' && query.format ? query.format : 'csv',
      columns: parseColumns(query.columns),
      rounding: typeof query.rounding === 'string' && query.rounding ? query.rounding : undefined,
    })
    return new Response(Buffer.from(file.bytes), {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      },
    })
  },
}
