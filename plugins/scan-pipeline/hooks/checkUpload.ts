import type { CollectionBeforeOperationHook } from 'payload'

import { KorrigoError } from '../../../runtime/errors'
import { type UploadedFile, uploadedBytes, uploadedPath, uploadedSize } from '../../../storage/uploaded-file'
import { ScanInputError } from '../lib/errors'
import { scanSettingsFromEnv } from '../services/limits'
import { loadPipeline } from '../services/loadPipeline'

export class ScanRefusedError extends KorrigoError {
  constructor({ message, status, code, file, page }: { message: string; status: number; code: string; file: string; page?: number }) {
    super({ code, message, status, details: { file, page: page ?? null } })
  }
}

/**
 * Refuses at upload, with a 4xx naming the file and page, a PDF that asks for more than a batch may
 * cost (pages, declared image pixels, inflated content) — measured in a worker thread with a deadline,
 * before the file is stored or anything is queued. Damage that is not a limit is left to the pipeline,
 * which keeps the pages it can read.
 */
export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = args.req?.file as UploadedFile | undefined
  if (!file || !uploadedSize(file)) return args
  const { checkScanIsolated } = await loadPipeline()
  const settings = scanSettingsFromEnv()
  const fileName = file.name ?? 'scan.pdf'
  // A file on disk (every multipart or resumable upload) is checked where it lies: never read whole.
  const path = uploadedPath(file)
  try {
    await checkScanIsolated({ ...(path ? { path } : { bytes: await uploadedBytes(file) }), fileName, limits: settings.limits, timeoutMs: settings.checkMs })
  } catch (error) {
    if (!(error instanceof ScanInputError)) throw error
    if (error.status === 413 || error.code === 'page_timeout' || error.code === 'worker_crashed')
      throw new ScanRefusedError({ message: error.message, status: error.status === 413 ? 413 : 422, code: error.code, file: error.file, page: error.page })
    // Unreadable, encrypted, empty: stored and reported on the batch by the job, as before.
  }
  return args
}
