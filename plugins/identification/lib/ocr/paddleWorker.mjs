// Runs PaddleOCR in a child process of its own. onnxruntime-node is a native addon: loading it a second
// time in one process (a second job's worker thread, a second Jest file) aborts the whole process, and
// inside Jest's VM contexts its `instanceof Float32Array` checks fail. A child process avoids both, and a
// crash there cannot take the server down.
import Ocr from '@gutenye/ocr-node'

const ready = Ocr.create().then(
  (ocr) => ({ ocr }),
  (error) => ({ error: String(error?.stack ?? error) }),
)

process.on('message', async ({ id, path }) => {
  const { ocr, error } = await ready
  if (error) return process.send({ id, error })
  try {
    const lines = await ocr.detect(path)
    process.send({ id, lines: lines.map((l) => ({ text: l.text, mean: l.mean })) })
  } catch (e) {
    process.send({ id, error: String(e?.stack ?? e) })
  }
})
// The parent going away (crash, kill) must not leave OCR processes behind.
process.on('disconnect', () => process.exit(0))
