import { parentPort, workerData } from 'node:worker_threads'
import { analyzePage } from '../analyze/analyzePage'
import { describeError } from '../errors'
import { openMupdf } from '../pdf/open'
import type { LayoutOption } from '../types'

export type WorkerInit = { bytes: SharedArrayBuffer; length: number; fileName: string; layout: LayoutOption; dpi?: number }
export type WorkerRequest = { index: number }

const init = workerData as WorkerInit
const port = parentPort!

// Opened once per worker: re-opening per page costs more than analysing a page.
let doc: ReturnType<typeof openMupdf> | undefined
try {
  doc = openMupdf({ bytes: new Uint8Array(init.bytes, 0, init.length), fileName: init.fileName })
  port.postMessage({ type: 'ready' })
} catch (err) {
  port.postMessage({ type: 'fatal', message: describeError(err) })
}

port.on('message', ({ index }: WorkerRequest) => {
  if (!doc) return
  const analysis = analyzePage({ doc, index, layout: init.layout, dpi: init.dpi })
  port.postMessage({ type: 'result', index, analysis })
})
