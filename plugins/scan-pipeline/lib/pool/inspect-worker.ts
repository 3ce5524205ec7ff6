import { parentPort } from 'node:worker_threads'

import { ScanInputError, describeError } from '../errors'
import { checkScan } from '../pdf/check'
import type { ScanLimits } from '../pdf/limits'
import { inspectScanFile } from '../pdf/inspectFile'
import { inspectScan } from '../pdf/open'

/** `path` (check only): the file is read where it lies instead of being sent whole to this thread. */
/** `inspect-file`: the job's inspection of a batch on disk (nothing but page facts comes back). */
export type InspectRequest = { id: number; op: 'inspect' | 'inspect-file' | 'check'; bytes: Uint8Array; path?: string; fileName: string; limits?: ScanLimits }

const port = parentPort!

const failure = (id: number, error: unknown) => ({
  id,
  ok: false,
  error: error instanceof ScanInputError ? { code: error.code, file: error.file, page: error.page, reason: error.reason, status: error.status } : { message: describeError(error) },
})

// One request at a time: the parent sends the next only once this one has answered.
port.on('message', async ({ id, op, bytes, path, fileName, limits }: InspectRequest) => {
  try {
    if (op === 'check') port.postMessage({ id, ok: true, check: checkScan({ bytes, path, fileName, limits }) })
    else if (op === 'inspect-file') port.postMessage({ id, ok: true, fileInfo: inspectScanFile({ path: path!, fileName, limits }) })
    else {
      const info = await inspectScan({ bytes, fileName, limits })
      port.postMessage({ id, ok: true, info }, [info.bytes.buffer as ArrayBuffer])
    }
  } catch (error) {
    port.postMessage(failure(id, error))
  }
})
port.postMessage({ ready: true })
