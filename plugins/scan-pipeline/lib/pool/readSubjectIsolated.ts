import { Worker } from 'node:worker_threads'

import { ScanInputError, type ScanErrorCode } from '../errors'
import type { ScanLimits } from '../pdf/limits'
import type { SubjectModel } from '../template/subject'

type Reply = { ok: true; subject: SubjectModel } | { ok: false; error: { code?: ScanErrorCode; file?: string; page?: number; reason?: string; status?: number; message?: string } }

const entry = new URL('./subject-entry.mjs', import.meta.url)

/**
 * `readSubject` in its own worker thread with a deadline, after the same cost check as a scan batch's
 * upload: rendering a hostile PDF must not hold the server's event loop. A subject is read rarely (at its
 * upload, once per batch planned), so the thread is started for the occasion and stopped after it.
 */
export const readSubjectIsolated = ({ bytes, fileName, limits, timeoutMs = 60_000 }: { bytes: Uint8Array; fileName: string; limits?: ScanLimits; timeoutMs?: number }): Promise<SubjectModel> =>
  new Promise<SubjectModel>((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { bytes, fileName, limits } })
    worker.unref()
    let settled = false
    const finish = (action: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      action()
      void worker.terminate()
    }
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new ScanInputError({ code: 'page_timeout', file: fileName, status: 422, reason: `reading the subject took longer than ${Math.round(timeoutMs / 1000)} s; it is probably damaged — export it again from the original document` })),
        ),
      timeoutMs,
    )
    worker.once('message', (reply: Reply) =>
      finish(() => {
        if (reply.ok) resolve(reply.subject)
        else if (reply.error.code && reply.error.file)
          reject(new ScanInputError({ code: reply.error.code, file: reply.error.file, page: reply.error.page, reason: reply.error.reason ?? 'unreadable', status: reply.error.status }))
        else reject(new Error(reply.error.message ?? `reading the subject ${fileName} failed`))
      }),
    )
    worker.once('error', (error) => finish(() => reject(new ScanInputError({ code: 'worker_crashed', file: fileName, reason: `the subject made its reader crash (${error.message})` }))))
    worker.once('exit', (code) => finish(() => reject(new ScanInputError({ code: 'worker_crashed', file: fileName, reason: `the subject's reader stopped (exit ${code})` }))))
  })
