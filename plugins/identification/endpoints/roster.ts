import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { BadRequestError } from '../../../runtime/errors'
import { uploadedBytes, uploadedSize } from '../../../storage/uploaded-file'
import { RosterFormatError } from '../lib/roster/index'
import { RosterInputError } from '../lib/rosterGuard/index'
import { importRoster } from '../services/importRoster'
import { requireAdmin, withErrors } from './respond'

const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1'

/**
 * POST /api/identification/roster — multipart: `file` (CSV, or an Excel .xlsx workbook); beside it, as
 * `_payload={…}` (Payload's convention for fields beside a file) or in the query: an optional `className`
 * overriding the file's class column, and `preview: true` to learn what the import would do (rows, columns
 * understood, bad rows) without writing anything. Answers with counts and every bad row with its line, so the
 * school can fix its export; good rows are imported even when others are bad. A file that cannot be used at
 * all answers 4xx with a `code` (`roster_empty`, `roster_no_header`, `roster_not_text`, `roster_too_large`,
 * `roster_too_long`) the admin's import screen says in the reader's language.
 */
export const rosterEndpoint: Endpoint = {
  path: '/identification/roster',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file || !uploadedSize(file)) throw new BadRequestError('Attach the class list as "file" (CSV or Excel .xlsx)')
    const requested = req.data?.className ?? req.searchParams?.get('className')
    const className = typeof requested === 'string' && requested.trim() ? requested.trim() : undefined
    const preview = flag(req.data?.preview ?? req.searchParams?.get('preview'))
    try {
      const result = await importRoster({ payload: req.payload, data: await uploadedBytes(file), className, fileName: file.name || undefined, preview, req })
      return Response.json(result, { status: 200 })
    } catch (error) {
      if (error instanceof RosterFormatError)
        return Response.json(
          { errors: [{ message: error.message, data: { code: error.status === 400 ? 'roster_empty' : 'roster_no_header', foundColumns: error.foundColumns, requiredColumns: error.requiredColumns } }] },
          { status: error.status },
        )
      if (error instanceof RosterInputError) return Response.json({ errors: [{ message: error.message, data: { code: error.code } }] }, { status: error.status })
      throw error
    }
  }),
}
