import { parentPort, workerData } from 'node:worker_threads'

import { ScanInputError, describeError } from '../errors'
import { checkScan } from '../pdf/check'
import type { ScanLimits } from '../pdf/limits'
import { readSubject } from '../template/subject'

export type SubjectRequest = { bytes: Uint8Array; fileName: string; limits?: ScanLimits }

const port = parentPort!
const { bytes, fileName, limits } = workerData as SubjectRequest

// One subject per thread: the parent stops the thread once it has the answer (or past its deadline).
try {
  // Declared costs first, without rendering: a subject is a PDF from outside like any scan.
  checkScan({ bytes, fileName, limits })
  port.postMessage({ ok: true, subject: readSubject({ bytes, fileName }) })
} catch (error) {
  port.postMessage({
    ok: false,
    error:
      error instanceof ScanInputError ? { code: error.code, file: error.file, page: error.page, reason: error.reason, status: error.status } : { message: describeError(error) },
  })
}
