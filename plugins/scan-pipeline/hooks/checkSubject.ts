import type { CollectionBeforeChangeHook } from 'payload'

import { type UploadedFile, uploadedBytes, uploadedSize } from '../../../storage/uploaded-file'
import { readUpload } from '../../../storage/uploads'
import { KorrigoError } from '../../../runtime/errors'
import { ScanInputError } from '../lib/errors'
import { scanSettingsFromEnv } from '../services/limits'
import { loadPipeline } from '../services/loadPipeline'

export const SUBJECT_KIND = 'subject'

export class SubjectRefusedError extends KorrigoError {
  constructor({ message, status = 400, code, file }: { message: string; status?: number; code: string; file: string }) {
    super({ code, message, status, details: { file } })
  }
}

const looksLikePdf = (data: Uint8Array): boolean => Buffer.from(data.subarray(0, 1024)).includes(Buffer.from('%PDF-'))

/**
 * A blank subject (Media of kind `subject`) is read when it is uploaded, as ingestion will read it: a file
 * that is not a usable subject (not a PDF, unreadable, more pages than one copy, over the scan limits) is
 * refused with a 4xx naming it, before anything is stored, rather than failing every batch later.
 */
export const checkSubject: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc }) => {
  if (data?.kind !== SUBJECT_KIND) return data
  const file = req.file as UploadedFile | undefined
  let bytes: Uint8Array
  let fileName: string
  if (file && uploadedSize(file)) {
    // A subject is a few pages: read whole, from Payload's temporary file when it is there.
    bytes = await uploadedBytes(file)
    fileName = file.name ?? 'subject.pdf'
  } else if (operation === 'update' && originalDoc?.kind !== SUBJECT_KIND && originalDoc?.filename) {
    // A stored file becomes a subject: it must be one.
    bytes = await readUpload({ payload: req.payload, collection: 'media', doc: originalDoc })
    fileName = originalDoc.filename
  } else return data
  if ((file?.mimetype && file.mimetype !== 'application/pdf') || !looksLikePdf(bytes))
    throw new SubjectRefusedError({
      code: 'subject_not_pdf',
      file: fileName,
      message: `${fileName}: the blank subject must be a PDF file (got ${file?.mimetype ?? 'an unknown type'}${looksLikePdf(bytes) ? '' : ', and the content has no PDF header'})`,
    })
  const { readSubjectIsolated } = await loadPipeline()
  const settings = scanSettingsFromEnv()
  try {
    await readSubjectIsolated({ bytes, fileName, limits: settings.limits, timeoutMs: Math.max(settings.checkMs, 60_000) })
  } catch (error) {
    if (!(error instanceof ScanInputError)) throw error
    throw new SubjectRefusedError({ code: error.code, file: fileName, status: error.status === 413 ? 413 : error.code === 'page_timeout' || error.code === 'worker_crashed' ? 422 : 400, message: `${error.message} — it cannot be used as the exam's blank subject` })
  }
  return data
}
