import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'

import { LAYOUT_OPTIONS } from '../../../collections/layout-options'
import { config } from '../../../runtime/config'
import { BadRequestError, ForbiddenError } from '../../../runtime/errors'
import { tmpDir } from '../../../runtime/paths'
import { allowedOrigins } from '../../../runtime/security-headers'
import { createResumableUploads, type ResumableUploads, type UploadUser } from '../../../storage/resumable/tus-server'
import { maxUploadBytes } from '../../../storage/upload-limits'
import { createBatchFromFile } from '../services/batchFromFile'
import { SCAN_UPLOADS_PATH } from './paths'

export { SCAN_UPLOADS_PATH }

/** Where unfinished uploads live: under data/tmp, so cleanup-old-files removes the abandoned ones. */
export const scanUploadsDir = (): string => path.join(tmpDir(), 'uploads', 'scan-batches')

const headersOf = (req: { headers: Record<string, string | string[] | undefined> }): Headers => {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  return headers
}

const LAYOUTS = new Set(LAYOUT_OPTIONS.map((option) => option.value))

/**
 * Upload-Metadata (tus: base64 values): `filename` (required), `filetype` (the browser's type of the file),
 * `exam` (the exam's id, required), `layout` (optional, as the batch form's field).
 */
const readMetadata = (metadata: Record<string, string>) => {
  const filename = metadata.filename?.trim()
  if (!filename) throw new BadRequestError('Upload-Metadata must name the file ("filename")')
  const exam = metadata.exam?.trim()
  if (!exam) throw new BadRequestError(`${filename}: Upload-Metadata must give the exam ("exam", its id)`)
  const layout = metadata.layout?.trim() || undefined
  if (layout && !LAYOUTS.has(layout)) throw new BadRequestError(`${filename}: layout must be one of ${[...LAYOUTS].join(', ')} (got "${layout}")`)
  return { filename, exam, layout, filetype: metadata.filetype?.trim() || '' }
}

/** Whoever may create a batch of this exam through the form may upload it here (the collection's own rule). */
const checkMayCreate = async ({ payload, user, exam, filename }: { payload: Payload; user: UploadUser; exam: string; filename: string }) => {
  const found = await payload.find({ collection: 'exams', where: { id: { equals: exam } }, limit: 1, depth: 0, overrideAccess: true, pagination: false })
  if (!found.docs.length) throw new BadRequestError(`${filename}: there is no exam ${exam}`)
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
  const create = payload.collections['scan-batches'].config.access.create
  const allowed = await create({ req, data: { exam: found.docs[0]!.id } })
  if (!allowed) throw new ForbiddenError(`${filename}: you may not upload scans for this exam`)
  return found.docs[0]!.id
}

/** The tus endpoint of scan batches: one upload per file, each becoming its own batch of the exam it names. */
export const scanBatchUploads = ({ payload }: { payload: Payload }): ResumableUploads =>
  createResumableUploads({
    path: SCAN_UPLOADS_PATH,
    directory: scanUploadsDir(),
    maxBytes: maxUploadBytes(),
    limitName: 'KORRIGO_MAX_UPLOAD_MB',
    allowedOrigins: allowedOrigins(),
    expiresAfterMs: config().KORRIGO_TMP_MAX_AGE_HOURS * 3_600_000,
    authenticate: async (req) => {
      // The headers only: a Fetch Request over the body would start reading the chunk before tus does.
      const { user } = await payload.auth({ headers: headersOf(req) })
      return user ? (user as unknown as UploadUser) : null
    },
    prepare: async ({ user, metadata }) => {
      const { filename, exam, layout, filetype } = readMetadata(metadata)
      // Refused before a byte is sent rather than after a gigabyte: same rule as the form.
      await checkMayCreate({ payload, user, exam, filename })
      return { filename, exam, filetype, ...(layout ? { layout } : {}) }
    },
    finish: async ({ user, file }) => {
      const { filename, exam, layout, filetype } = readMetadata(file.metadata)
      // Checked again: the exam may be gone, or the teacher taken off it, since the upload began.
      const examId = await checkMayCreate({ payload, user, exam, filename })
      const batch = await createBatchFromFile({
        payload,
        user: user as never,
        path: file.path,
        name: filename,
        // The browser's type, as a form upload would carry it: the collection refuses what is not a PDF.
        mimetype: filetype || (/\.pdf$/i.test(filename) ? 'application/pdf' : 'application/octet-stream'),
        exam: examId,
        layout,
      })
      return { batch: batch.id, filename: batch.filename ?? filename }
    },
  })
