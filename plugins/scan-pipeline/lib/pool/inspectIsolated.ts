import { ScanInputError, type ScanErrorCode } from '../errors'
import type { ScanCheck } from '../pdf/check'
import type { FileScanInfo } from '../pdf/inspectFile'
import type { ScanLimits } from '../pdf/limits'
import type { ScanInfo } from '../types'
import type { InspectRequest } from './inspect-worker'
import { ask, createWarmPool } from './warmPool'

type WorkerError = { code?: ScanErrorCode; file?: string; page?: number; reason?: string; status?: number; message?: string }
type Reply = { id: number; ok: true; info?: ScanInfo; fileInfo?: FileScanInfo; check?: ScanCheck } | { id: number; ok: false; error: WorkerError }

/** A reader that held a file this large keeps that much wasm memory: it is replaced afterwards. */
const RECYCLE_BYTES = 64 * 1024 * 1024
const readers = createWarmPool({ entry: new URL('./inspect-entry.mjs', import.meta.url), max: 2 })
let nextId = 1

/**
 * One whole-file operation in a warm worker thread, with a deadline counted from when a reader takes it.
 * mupdf runs synchronously: a hostile or absurdly damaged PDF could otherwise hold the server's event loop
 * (every request, every job) for as long as it likes. Past the deadline its reader is terminated.
 */
const isolated = async (request: Omit<InspectRequest, 'id'>, timeoutMs: number): Promise<Extract<Reply, { ok: true }>> => {
  const { fileName } = request
  let worker
  try {
    worker = await readers.acquire()
  } catch (error) {
    throw new ScanInputError({ code: 'worker_crashed', file: fileName, reason: `the PDF reader could not start (${(error as Error).message})` })
  }
  const id = nextId++
  const outcome = await ask<Reply>({ worker, message: { ...request, id } satisfies InspectRequest, matches: (reply) => reply.id === id, timeoutMs })
  if (outcome.kind !== 'reply') {
    readers.retire(worker)
    if (outcome.kind === 'timeout')
      throw new ScanInputError({
        code: 'page_timeout',
        file: fileName,
        reason: `opening the PDF took longer than ${Math.round(timeoutMs / 1000)} s (KORRIGO_SCAN_CHECK_SECONDS); it is probably damaged or hostile — export or scan it again`,
      })
    throw new ScanInputError({ code: 'worker_crashed', file: fileName, reason: `the PDF made its reader crash (${outcome.reason})` })
  }
  readers.release(worker, { recycle: request.bytes.length >= RECYCLE_BYTES })
  const reply = outcome.message
  if (reply.ok) return reply
  if (reply.error.code && reply.error.file)
    throw new ScanInputError({ code: reply.error.code, file: reply.error.file, page: reply.error.page, reason: reply.error.reason ?? 'unreadable', status: reply.error.status })
  throw new Error(reply.error.message ?? `reading ${fileName} failed`)
}

/** `inspectScan` off the main thread (page count checked against `limits.maxPages` first). */
export const inspectScanIsolated = async ({ bytes, fileName, timeoutMs = 120_000, limits }: { bytes: Uint8Array; fileName: string; timeoutMs?: number; limits?: ScanLimits }): Promise<ScanInfo> => {
  const reply = await isolated({ op: 'inspect', bytes, fileName, limits }, timeoutMs)
  return { ...reply.info!, bytes: new Uint8Array(reply.info!.bytes) }
}

/** `inspectScanFile` off the main thread: the job's first look at a batch on disk, which it never loads whole. */
export const inspectScanFileIsolated = async ({ path, fileName, timeoutMs = 120_000, limits }: { path: string; fileName: string; timeoutMs?: number; limits?: ScanLimits }): Promise<FileScanInfo> =>
  (await isolated({ op: 'inspect-file', bytes: new Uint8Array(), path, fileName, limits }, timeoutMs)).fileInfo!

/** `checkScan` (page count, every page's declared cost) off the main thread: the upload-time refusal. */
export const checkScanIsolated = async ({
  bytes,
  path,
  fileName,
  timeoutMs = 30_000,
  limits,
}: { bytes?: Uint8Array; path?: string; fileName: string; timeoutMs?: number; limits?: ScanLimits }): Promise<ScanCheck> =>
  (await isolated({ op: 'check', bytes: bytes ?? new Uint8Array(), path, fileName, limits }, timeoutMs)).check!
