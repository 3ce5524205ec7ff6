import { parentPort, workerData } from 'node:worker_threads'

import { ScanInputError, describeError } from '../errors'
import { inspectScan } from '../pdf/open'

const { bytes, fileName } = workerData as { bytes: Uint8Array; fileName: string }

inspectScan({ bytes, fileName }).then(
  (info) => parentPort!.postMessage({ ok: true, info }, [info.bytes.buffer as ArrayBuffer]),
  (error) =>
    parentPort!.postMessage({
      ok: false,
      error: error instanceof ScanInputError ? { code: error.code, file: error.file, page: error.page, reason: error.reason } : { message: describeError(error) },
    }),
)
