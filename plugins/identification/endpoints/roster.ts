import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { BadRequestError } from '../../../runtime/errors'
import { RosterFormatError } from '../lib/roster/index'
import { importRoster } from '../services/importRoster'
import { requireAdmin, withErrors } from './respond'

/**
 * POST /api/identification/roster — multipart: `file` (CSV); an optional class overriding the file's
 * class column, as `_payload={"className": …}` (Payload's convention for fields beside a file) or `?className=`. Answers with counts and every bad row with its line, so the school can fix
 * its export; good rows are imported even when others are bad.
 */
export const rosterEndpoint: Endpoint = {
  path: '/identification/roster',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file?.data?.length) throw new BadRequestError('Attach the class list as "file" (CSV)')
    const requested = req.data?.className ?? req.searchParams?.get('className')
    const className = typeof requested === 'string' && requested.trim() ? requested.trim() : undefined
    try {
      const result = await importRoster({ payload: req.payload, data: new Uint8Array(file.data), className, req })
      return Response.json(result, { status: 200 })
    } catch (error) {
      if (error instanceof RosterFormatError)
        return Response.json({ errors: [{ message: error.message, data: { foundColumns: error.foundColumns, requiredColumns: error.requiredColumns } }] }, { status: error.status })
      throw error
    }
  }),
}
