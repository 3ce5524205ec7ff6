import { availableParallelism } from 'node:os'
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from '../pdf/limits'
import { openMupdf } from '../pdf/open'
import { openMupdfFile } from '../pdf/openFile'
import type { LayoutOption, PageAnalysis, ProgressEvent } from '../types'
import { analyzeGuarded } from './analyzeGuarded'
import { errorAnalysis } from './errorAnalysis'
import { ask, createWarmPool } from './warmPool'
import type { OpenRequest, WorkerRequest } from './worker'

export type AnalyzePagesOptions = {
  /** The batch in memory… */
  bytes?: Uint8Array
  /** …or where it lies on disk: each worker reads the pages it analyses from there, never the whole file. */
  path?: string
  fileName: string
  /** 1-based source pages to analyse (default: all) — lets a job resume where it stopped */
  pages?: number[]
  layout?: LayoutOption
  /** worker threads; 0 analyses in the calling thread (default: one per core, at most the page count) */
  concurrency?: number
  onProgress?: (e: ProgressEvent & { analysis: PageAnalysis }) => void
  /** a page slower than this is recorded as an error and its worker replaced, so a hostile page cannot hang a batch (default: limits.pageTimeoutMs) */
  pageTimeoutMs?: number
  dpi?: number
  /** read prepared booklets' QR codes on each page (default); off only to measure what reading them costs */
  codes?: boolean
  /** what one page may cost; a page above them is recorded as failed before it is rendered */
  limits?: ScanLimits
}

/** Analysis workers, kept warm between batches and slices (a job analyses a batch a slice at a time). */
const analysts = createWarmPool({ entry: new URL('./worker-entry.mjs', import.meta.url), max: Math.min(availableParallelism(), 4) })
/** From this many pages, planning a batch keeps the job's thread busy long enough (~25 ms a page) to matter. */
const LONG_PLAN_PAGES = 300

/**
 * The analysis threads stop now rather than after their idle time, before a big batch is planned: the plan keeps
 * the job's thread busy (a minute for 2,000 pages), so their idle timers could not fire and their wasm memories
 * (~250 MB each) stayed beside the plan's, the worker's peak. A small batch keeps them warm for the next one.
 */
export const dropIdleAnalystsBeforePlanning = ({ pages }: { pages: number }): void => {
  if (pages >= LONG_PLAN_PAGES) analysts.drain()
}

/** Workers that held a file this large are replaced: wasm memory, once grown, is not given back. */
const RECYCLE_BYTES = 64 * 1024 * 1024

type Reply = { type: 'opened' } | { type: 'fatal'; message: string } | { type: 'result'; index: number; analysis: PageAnalysis }

class FatalOpenError extends Error {}

/**
 * Analyse pages with a pool of worker threads. Each worker opens the PDF once (bytes are
 * shared, not copied) and holds one page in memory at a time, so memory stays bounded on a
 * 300-page batch. Results come back in page order.
 */
export const analyzePages = async ({
  bytes,
  path,
  fileName,
  pages,
  layout = 'auto',
  concurrency,
  onProgress,
  limits = DEFAULT_SCAN_LIMITS,
  pageTimeoutMs = limits.pageTimeoutMs,
  dpi,
  codes = true,
}: AnalyzePagesOptions): Promise<PageAnalysis[]> => {
  if (!bytes === !path) throw new Error('analyzePages: give the batch as bytes or as a path, one of them')
  const openHere = () => (path ? openMupdfFile({ path, fileName }) : openMupdf({ bytes: bytes!, fileName }))
  let indices: number[]
  if (pages) indices = pages.map((p) => p - 1)
  else {
    const doc = openHere()
    indices = Array.from({ length: doc.countPages() }, (_, i) => i)
    doc.destroy()
  }
  const total = indices.length
  const results = new Map<number, PageAnalysis>()
  const report = (index: number, analysis: PageAnalysis) => {
    results.set(index, analysis)
    onProgress?.({ done: results.size, total, sourcePage: index + 1, analysis })
  }
  const n = Math.min(concurrency ?? Math.min(availableParallelism(), 4), total)

  if (n <= 0) {
    const doc = openHere()
    try {
      for (const index of indices) report(index, await analyzeGuarded({ doc, index, fileName, layout, dpi, limits, codes }))
    } finally {
      doc.destroy()
    }
    return indices.map((i) => results.get(i)!)
  }

  let shared: SharedArrayBuffer | undefined
  if (bytes) {
    shared = new SharedArrayBuffer(bytes.length)
    new Uint8Array(shared).set(bytes)
  }
  const open: OpenRequest = { type: 'open', ...(shared ? { bytes: shared, length: shared.byteLength } : { path: path! }), fileName, layout, dpi, limits, codes }
  // A worker that copied a large file into its wasm memory keeps that memory; one that read it from disk did not.
  const recycle = (bytes?.length ?? 0) >= RECYCLE_BYTES
  const queue = [...indices]
  const openTimeoutMs = Math.max(pageTimeoutMs, 30_000)
  let fatal: string | undefined

  /** A worker with this file open, or a fatal error when the file cannot be opened at all. */
  const openedWorker = async () => {
    const worker = await analysts.acquire()
    // The file was inspected before (a page's deadline is about rendering, not opening).
    const outcome = await ask<Reply>({ worker, message: open, matches: (r) => r.type === 'opened' || r.type === 'fatal', timeoutMs: openTimeoutMs })
    if (outcome.kind === 'reply' && outcome.message.type === 'opened') return worker
    analysts.retire(worker)
    if (outcome.kind === 'reply' && outcome.message.type === 'fatal') throw new FatalOpenError(outcome.message.message)
    // Opening timed out or crashed: the file itself is the problem, for every worker.
    throw new FatalOpenError(outcome.kind === 'crash' ? outcome.reason : `opening took longer than ${openTimeoutMs} ms`)
  }

  const lane = async () => {
    let worker = queue.length && !fatal ? await openedWorker() : undefined
    try {
      while (worker && !fatal) {
        const index = queue.shift()
        if (index === undefined) break
        const outcome = await ask<Reply>({ worker, message: { type: 'page', index } satisfies WorkerRequest, matches: (r) => r.type === 'result' && r.index === index, timeoutMs: pageTimeoutMs })
        if (outcome.kind === 'reply' && outcome.message.type === 'result') {
          report(index, outcome.message.analysis)
          continue
        }
        report(
          index,
          outcome.kind === 'timeout'
            ? errorAnalysis(index, 'page_timeout', `${fileName} page ${index + 1}: analysis took longer than ${pageTimeoutMs} ms (KORRIGO_PAGE_TIMEOUT_SECONDS)`)
            : errorAnalysis(index, 'worker_crashed', `${fileName} page ${index + 1}: ${outcome.kind === 'crash' ? outcome.reason : 'the analysis worker stopped'}`),
        )
        // A worker lost to a crash or a timeout is replaced while work remains.
        analysts.retire(worker)
        worker = undefined
        if (queue.length) worker = await openedWorker()
      }
    } catch (error) {
      if (!(error instanceof FatalOpenError)) throw error
      fatal ??= error.message
      queue.length = 0
    } finally {
      if (worker) {
        worker.postMessage({ type: 'close' } satisfies WorkerRequest)
        analysts.release(worker, { recycle })
      }
    }
  }

  await Promise.all(Array.from({ length: n }, lane))
  // the whole file is unreadable for every worker
  if (fatal) throw new Error(`${fileName}: worker could not open the PDF (${fatal})`)
  return indices.map((i) => results.get(i) ?? errorAnalysis(i, 'page_unreadable', `${fileName} page ${i + 1}: not analysed`))
}
