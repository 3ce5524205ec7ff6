import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Tesseract from 'tesseract.js'
import { OcrEngineError } from './errors'
import type { FieldKind, OcrEngine } from './types'

const require = createRequire(import.meta.url)

const NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿŒœÆæ-' ."
const DATE_CHARS = '0123456789/.- '

/**
 * tesseract.js reading with the language data shipped by @tesseract.js-data/* —
 * never downloaded at run time. Each package ships its own folder and tesseract.js
 * takes a single langPath, so we link the gzipped files into one temporary folder.
 */
export const createTesseractEngine = async ({ langs = ['fra', 'eng'] }: { langs?: string[] } = {}): Promise<OcrEngine> => {
  const langPath = await mkdtemp(join(tmpdir(), 'korrigo-tessdata-'))
  const cachePath = await mkdtemp(join(tmpdir(), 'korrigo-tesscache-'))
  for (const lang of langs) {
    let packageDir: string
    try {
      packageDir = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`))
    } catch (cause) {
      throw new OcrEngineError({ message: `language data for "${lang}" is not installed (npm package @tesseract.js-data/${lang})`, cause })
    }
    // best_int: the integer-quantised LSTM models, what tesseract.js uses by default.
    await symlink(join(packageDir, '4.0.0_best_int', `${lang}.traineddata.gz`), join(langPath, `${lang}.traineddata.gz`))
  }
  const worker = await Tesseract.createWorker(langs, Tesseract.OEM.LSTM_ONLY, {
    langPath,
    cachePath,
    cacheMethod: 'none',
    gzip: true,
  })
  let currentKind: FieldKind | null = null
  const useKind = async (kind: FieldKind) => {
    if (kind === currentKind) return
    await worker.setParameters({
      tessedit_pageseg_mode: Tesseract.PSM.SINGLE_LINE,
      tessedit_char_whitelist: kind === 'date' ? DATE_CHARS : NAME_CHARS,
      preserve_interword_spaces: '1',
    })
    currentKind = kind
  }

  // A field's whitelist and its recognition go to the worker as one step: two copies read side by side
  // would otherwise queue a date's whitelist between a name's switch and its recognition (a name read
  // as digits, only on some interleavings — a machine's load decided which copy lost its name).
  let previous: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(step: () => Promise<T>): Promise<T> => {
    const next = previous.then(step)
    previous = next.catch(() => undefined)
    return next
  }

  return {
    name: 'tesseract',
    recognize: ({ png, kind }) =>
      oneAtATime(async () => {
        await useKind(kind)
        const { data } = await worker.recognize(png)
        const text = data.text.replace(/\s+/g, ' ').trim()
        return text ? [{ text, confidence: Math.max(0, Math.min(1, data.confidence / 100)), engine: 'tesseract' as const }] : []
      }),
    terminate: async () => {
      await worker.terminate()
      await Promise.all([langPath, cachePath].map((dir) => rm(dir, { recursive: true, force: true })))
    },
  }
}
