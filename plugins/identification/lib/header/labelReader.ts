import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import sharp from 'sharp'
import Tesseract from 'tesseract.js'

import { OcrEngineError } from '../ocr/errors'
import type { GrayCrop, LabelWord } from './types'

const require = createRequire(import.meta.url)

export type LabelReader = { read: (image: GrayCrop) => Promise<LabelWord[]>; terminate: () => Promise<void> }

type TessWord = { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }
type TessBlock = { paragraphs: { lines: { words: TessWord[] }[] }[] }

/**
 * Reads the printed words of a header (sparse-text mode, word boxes) so fields can be located from
 * their labels. A separate tesseract worker from the field engine: it needs another page mode and no
 * character whitelist, and switching parameters per call would cost more than a second worker.
 */
export const createLabelReader = async (): Promise<LabelReader> => {
  const langPath = await mkdtemp(join(tmpdir(), 'korrigo-tessdata-'))
  const cachePath = await mkdtemp(join(tmpdir(), 'korrigo-tesscache-'))
  try {
    const packageDir = dirname(require.resolve('@tesseract.js-data/fra/package.json'))
    await symlink(join(packageDir, '4.0.0_best_int', 'fra.traineddata.gz'), join(langPath, 'fra.traineddata.gz'))
  } catch (cause) {
    throw new OcrEngineError({ message: 'language data for "fra" is not installed (npm package @tesseract.js-data/fra)', cause })
  }
  const worker = await Tesseract.createWorker(['fra'], Tesseract.OEM.LSTM_ONLY, { langPath, cachePath, cacheMethod: 'none', gzip: true })
  await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SPARSE_TEXT })
  return {
    read: async (image) => {
      const png = await sharp(Buffer.from(image.raw), { raw: { width: image.width, height: image.height, channels: 1 } }).withMetadata({ density: 200 }).png().toBuffer()
      const { data } = await worker.recognize(png, {}, { blocks: true, text: false })
      const blocks = ((data as unknown as { blocks?: TessBlock[] }).blocks ?? [])
      return blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words))).map((w) => ({
        text: w.text,
        confidence: w.confidence / 100,
        box: { x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 },
      }))
    },
    terminate: async () => {
      await worker.terminate()
      await Promise.all([langPath, cachePath].map((dir) => rm(dir, { recursive: true, force: true })))
    },
  }
}
