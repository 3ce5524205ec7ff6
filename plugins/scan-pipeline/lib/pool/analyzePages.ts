import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { analyzePage } from '../analyze/analyzePage'
import { openMupdf } from '../pdf/open'
import type { LayoutOption, PageAnalysis, ProgressEvent } from '../types'
import type { WorkerInit } from './worker'

export type AnalyzePagesOptions = {
  bytes: Uint8Array
  fileName: string
  /** 1-based source pages to analyse (default: all) — lets a job resume where it stopped */
  pages?: number[]
  layout?: LayoutOption
  /** worker threads; 0 analyses in the calling thread (default: one per core, at most the page count) */
  concurrency?: number
  onProgress?: (e: ProgressEvent & { analysis: PageAnalysis }) => void
  /** a page slower than this is recorded as an error and its worker replaced, so a hostile page cannot hang a batch */
  pageTimeoutMs?: number
  dpi?: number
}

const errorAnalysis = (index: number, code: string, message: string): PageAnalysis => ({
  sourcePage: index + 1,
  width: 0,
  height: 0,
  storedRotate: 0,
  layout: 'single',
  regions: [],
  skewDegrees: 0,
  hasTextLayer: false,
  error: { code, message },
})

const workerUrl = new URL('./worker-entry.mjs', import.meta.url)

/**
 * Analyse pages with a pool of worker threads. Each worker opens the PDF once (bytes are
 * shared, not copied) and holds one page in memory at a time, so memory stays bounded on a
 * 300-page batch. Results come back in page order.
 */
export const analyzePages = async ({
  bytes,
  fileName,
  pages,
  layout = 'auto',
  concurrency,
  onProgress,
  pageTimeoutMs = 60_000,
  dpi,
}: AnalyzePagesOptions): Promise<PageAnalysis[]> => {
  let indices: number[]
  if (pages) indices = pages.map((p) => p - 1)
  else {
    const doc = openMupdf({ bytes, fileName })
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
    const doc = openMupdf({ bytes, fileName })
    try {
      for (const index of indices) report(index, analyzePage({ doc, index, layout, dpi }))
    } finally {
      doc.destroy()
    }
    return indices.map((i) => results.get(i)!)
  }

  const shared = new SharedArrayBuffer(bytes.length)
  new Uint8Array(shared).set(bytes)
  const init: WorkerInit = { bytes: shared, length: bytes.length, fileName, layout, dpi }
  const queue = [...indices]

  await new Promise<void>((resolve, reject) => {
    let live = 0
    let failed = false
    const workers = new Set<Worker>()
    const spawn = () => {
      const worker = new Worker(workerUrl, { workerData: init })
      workers.add(worker)
      live++
      let current: number | undefined
      let timer: NodeJS.Timeout | undefined
      const next = () => {
        current = queue.shift()
        if (current === undefined) {
          void worker.terminate()
          return
        }
        timer = setTimeout(() => {
          const index = current!
          current = undefined
          report(index, errorAnalysis(index, 'page_timeout', `${fileName} page ${index + 1}: analysis took longer than ${pageTimeoutMs} ms`))
          void worker.terminate()
        }, pageTimeoutMs)
        worker.postMessage({ index: current })
      }
      worker.on('message', (msg: { type: string; index?: number; analysis?: PageAnalysis; message?: string }) => {
        if (msg.type === 'ready') next()
        else if (msg.type === 'fatal') {
          // the whole file is unreadable for every worker: stop them all
          failed = true
          queue.length = 0
          for (const w of workers) void w.terminate()
          reject(new Error(`${fileName}: worker could not open the PDF (${msg.message})`))
        } else if (msg.type === 'result' && msg.index === current) {
          clearTimeout(timer)
          report(msg.index!, msg.analysis!)
          next()
        }
      })
      worker.on('error', (err) => {
        clearTimeout(timer)
        if (current !== undefined) report(current, errorAnalysis(current, 'worker_crashed', `${fileName} page ${current + 1}: ${err.message}`))
        current = undefined
      })
      worker.on('exit', () => {
        clearTimeout(timer)
        workers.delete(worker)
        live--
        if (failed) return
        if (current !== undefined) {
          report(current, errorAnalysis(current, 'worker_crashed', `${fileName} page ${current + 1}: the analysis worker stopped`))
          current = undefined
        }
        // a worker lost to a crash or a timeout is replaced while work remains
        if (queue.length > 0) spawn()
        else if (live === 0) resolve()
      })
    }
    for (let i = 0; i < n; i++) spawn()
  })
  return indices.map((i) => results.get(i) ?? errorAnalysis(i, 'page_unreadable', `${fileName} page ${i + 1}: not analysed`))
}
