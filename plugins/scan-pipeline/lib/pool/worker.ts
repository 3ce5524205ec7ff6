import { parentPort } from 'node:worker_threads'

import { describeError } from '../errors'
import type { ScanLimits } from '../pdf/limits'
import { openMupdf } from '../pdf/open'
import { openMupdfFile } from '../pdf/openFile'
import type { LayoutOption } from '../types'
import { analyzeGuarded } from './analyzeGuarded'

/** The batch shared in memory (`bytes`, `length`) or read where it lies (`path`). */
export type OpenRequest = { type: 'open'; bytes?: SharedArrayBuffer; length?: number; path?: string; fileName: string; layout: LayoutOption; dpi?: number; limits?: ScanLimits; codes?: boolean }
export type WorkerRequest = OpenRequest | { type: 'page'; index: number } | { type: 'close' }

const port = parentPort!

// A warm worker serves one file at a time, opened once: re-opening per page costs more than analysing a page.
let current: { doc: ReturnType<typeof openMupdf>; init: OpenRequest } | undefined

const close = () => {
  current?.doc.destroy()
  current = undefined
}

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'close') return close()
  if (request.type === 'open') {
    close()
    try {
      const doc = request.path ? openMupdfFile({ path: request.path, fileName: request.fileName }) : openMupdf({ bytes: new Uint8Array(request.bytes!, 0, request.length), fileName: request.fileName })
      current = { doc, init: request }
      port.postMessage({ type: 'opened' })
    } catch (err) {
      port.postMessage({ type: 'fatal', message: describeError(err) })
    }
    return
  }
  if (!current) return
  const { doc, init } = current
  const analysis = await analyzeGuarded({ doc, index: request.index, fileName: init.fileName, layout: init.layout, dpi: init.dpi, limits: init.limits, codes: init.codes })
  port.postMessage({ type: 'result', index: request.index, analysis })
})
port.postMessage({ type: 'ready' })
