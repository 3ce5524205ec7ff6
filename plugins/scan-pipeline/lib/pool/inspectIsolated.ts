import { Worker } from 'node:worker_threads'

import { ScanInputError, type ScanErrorCode } from '../errors'
import type { ScanInfo } from '../types'

type Reply = { ok: true; info: ScanInfo } | { ok: false; error: { code?: ScanErrorCode; file?: string; page?: number; reason?: string; message?: string } }

const entry = new URL('./inspect-entry.mjs', import.meta.url)

/**
 * `inspectScan` in a worker thread with a deadline. mupdf runs synchronously: a hostile or absurdly damaged
 * PDF could otherwise hold the server's event loop (every request, every job) for as long as it likes.
 * The bytes are copied into the worker; the (possibly repaired) bytes come back without a copy.
 */
export const inspectScanIsolated = ({ bytes, fileName, timeoutMs = 120_000 }: { bytes: Uint8Array; fileName: string; timeoutMs?: number }): Promise<ScanInfo> =>
  new Promise<ScanInfo>((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { bytes, fileName } })
    let settled = false
    const finish = (action: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      action()
      void worker.terminate()
    }
    const timer = setTimeout(
      () => finish(() => reject(new ScanInputError({ code: 'page_timeout', file: fileName, reason: `opening the PDF took longer than ${Math.round(timeoutMs / 1000)} s; it is probably damaged — export or scan it again` }))),
      timeoutMs,
    )
    worker.once('message', (reply: Reply) =>
      finish(() => {
        if (reply.ok) resolve({ ...reply.info, bytes: new Uint8Array(reply.info.bytes) })
        else if (reply.error.code && reply.error.file)
          reject(new ScanInputError({ code: reply.error.code, file: reply.error.file, page: reply.error.page, reason: reply.error.reason ?? 'unreadable' }))
        else reject(new Error(reply.error.message ?? `inspecting ${fileName} failed`))
      }),
    )
    worker.once('error', (error) => finish(() => reject(new ScanInputError({ code: 'worker_crashed', file: fileName, reason: `the PDF made its reader crash (${error.message})` }))))
    worker.once('exit', (code) => finish(() => reject(new ScanInputError({ code: 'worker_crashed', file: fileName, reason: `the PDF reader stopped (exit ${code})` }))))
  })
