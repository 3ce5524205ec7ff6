import path from 'node:path'

import type { NextFunction, Request, Response } from 'express'

import { config } from '../runtime/config'
import { tmpDir } from '../runtime/paths'

/** KORRIGO_MAX_UPLOAD_MB in bytes: the largest file any upload path accepts. */
export const maxUploadBytes = (): number => config().KORRIGO_MAX_UPLOAD_MB * 1024 * 1024

/** Room for the form's other parts (`_payload`, boundaries, headers) around a file of the largest size. */
const MULTIPART_OVERHEAD = 1024 * 1024

/** Where Payload writes a multipart upload's file while the request is read (swept by cleanup-old-files). */
export const multipartTempDir = (): string => path.join(tmpDir(), 'multipart')

/**
 * Payload's multipart options. Payload refuses any request above 50 MB by default (`requestSizeLimit`,
 * "Multipart request size limit has been reached") whatever the file limit says: our limit must be the real
 * one. The file itself is read one byte past the limit without aborting, so the collection's hook can name
 * it; it is written to a temporary file as it arrives, never held whole in memory.
 */
export const multipartUploadOptions = () => ({
  limits: { fileSize: maxUploadBytes() + 1 },
  abortOnLimit: false,
  requestSizeLimit: maxUploadBytes() + MULTIPART_OVERHEAD,
  useTempFiles: true,
  tempFileDir: multipartTempDir(),
})

/**
 * A multipart request that says it is larger than any accepted file is refused without parsing or storing it, with
 * the limit in the message (Payload's own answer would only say "Multipart request size limit"). A request
 * that does not say its length is bounded by Payload's `requestSizeLimit` above.
 */
export const multipartSizeGuard = (req: Request, res: Response, next: NextFunction): void => {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (!req.is('multipart/form-data') || !(declared > maxUploadBytes() + MULTIPART_OVERHEAD)) return next()
  const answer = () =>
    res.status(413).json({
      errors: [
        {
          message: `The upload is ${Math.ceil(declared / 1048576)} MB, above the ${config().KORRIGO_MAX_UPLOAD_MB} MB limit (KORRIGO_MAX_UPLOAD_MB); for scans, upload the batch in several files.`,
          data: { limitMB: config().KORRIGO_MAX_UPLOAD_MB },
        },
      ],
    })
  // Answered once the body is read and dropped: a client still sending when the server answers and closes
  // sees a connection reset, not this message (browsers, fetch alike).
  req.once('end', answer)
  req.once('error', () => undefined)
  req.resume()
}
