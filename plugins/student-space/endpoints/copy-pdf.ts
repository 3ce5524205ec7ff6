import type { Endpoint } from 'payload'

import { contentDisposition } from '../lib/filename'
import { publishedCopyPdf } from '../services/copyPdf'
import { requireStudent } from '../services/session'
import { PRIVATE, withErrors } from './respond'

/**
 * GET /api/student-space/copies/:id/pdf[?download=1] — the annotated PDF of one of the student's own
 * published copies (inline, or as an attachment with `download`); 404 for every other id, 401 signed out.
 */
export const copyPdfEndpoint: Endpoint = {
  path: '/student-space/copies/:id/pdf',
  method: 'get',
  handler: withErrors(async (req) => {
    const student = await requireStudent({ req })
    const { bytes, fileName } = await publishedCopyPdf({ payload: req.payload, studentId: student.id, copyId: String(req.routeParams?.id ?? '') })
    const download = ['1', 'true'].includes(String((req.query as Record<string, unknown> | undefined)?.download ?? ''))
    return new Response(Buffer.from(bytes), {
      status: 200,
      headers: {
        ...PRIVATE,
        'content-type': 'application/pdf',
        'content-length': String(bytes.length),
        'content-disposition': contentDisposition({ fileName, download }),
        'x-content-type-options': 'nosniff',
      },
    })
  }),
}
