import { createLabelReader, type LabelReader } from '../lib/header/index'
import type { OcrEngine } from '../lib/ocr/index'
import type { OcrEngineName } from '../types'

export type HeaderReaders = { labels: LabelReader; engines: OcrEngine[]; terminate: () => Promise<void> }

/** Loads the OCR engines once for a whole job (each takes seconds to start, then ~0.1 s per field). */
export const openHeaderReaders = async ({ engines = ['tesseract', 'paddle'] }: { engines?: OcrEngineName[] } = {}): Promise<HeaderReaders> => {
  const ocr = await import('../lib/ocr/index')
  const started = await Promise.allSettled([
    createLabelReader(),
    ...engines.map((name) => (name === 'paddle' ? ocr.createPaddleEngine() : ocr.createTesseractEngine())),
  ])
  const ok = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const terminate = async () => {
    await Promise.allSettled(ok.map((r) => r.terminate()))
  }
  const failed = started.find((s) => s.status === 'rejected')
  if (failed) {
    await terminate()
    throw (failed as PromiseRejectedResult).reason
  }
  const [labels, ...readers] = ok as [LabelReader, ...OcrEngine[]]
  return { labels, engines: readers, terminate }
}
