import type { Endpoint } from 'payload'

import { exporters } from '../lib/registry'
import { roundingRules } from '../lib/rounding'
import { requireAdmin } from '../../kit/access'

/** GET /api/exports/formats — what the admin can choose from, built-in and registered by plugins. */
export const listFormatsEndpoint: Endpoint = {
  path: '/exports/formats',
  method: 'get',
  handler: async (req) => {
    requireAdmin(req, 'Only admins can export results')
    return Response.json({
      formats: exporters().map(({ id, label, extension, contentType }) => ({ id, label, extension, contentType })),
      rounding: roundingRules().map(({ id, label }) => ({ id, label })),
    })
  },
}
