// Runs PaddleOCR in its own thread. Besides keeping recognition off the main event
// loop, this puts onnxruntime in a plain Node realm: inside Jest's VM contexts its
// `instanceof Float32Array` checks fail on tensors built by the library.
import { parentPort } from 'node:worker_threads'
import Ocr from '@gutenye/ocr-node'

const ready = Ocr.create().then(
  (ocr) => ({ ocr }),
  (error) => ({ error: String(error?.stack ?? error) }),
)

parentPort.on('message', async ({ id, path }) => {
  const { ocr, error } = await ready
  if (error) return parentPort.postMessage({ id, error })
  try {
    const lines = await ocr.detect(path)
    parentPort.postMessage({ id, lines: lines.map((l) => ({ text: l.text, mean: l.mean })) })
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.stack ?? e) })
  }
})
parentPort.postMessage({ id: 'ready-probe', ready: true })
