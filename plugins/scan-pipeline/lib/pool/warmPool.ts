import { Worker } from 'node:worker_threads'

/**
 * Worker threads kept warm between uses: starting one (tsx, mupdf's wasm, pdf-lib) costs seconds on a
 * busy machine, more than checking most files or analysing a slice of pages. A worker that misbehaves
 * (past a deadline, crashed) is retired, never reused; an idle one is stopped after a while, and one
 * that held a large file is replaced, because wasm memory, once grown, is not given back.
 */
export type WarmPool = {
  acquire: () => Promise<Worker>
  release: (worker: Worker, options?: { recycle?: boolean }) => void
  retire: (worker: Worker) => void
  /** Stops every idle worker now (those in use are left alone); the next `acquire` starts a fresh one. */
  drain: () => void
}

export const createWarmPool = ({ entry, max, idleMs = 30_000 }: { entry: URL; max: number; idleMs?: number }): WarmPool => {
  const idle: { worker: Worker; timer: NodeJS.Timeout }[] = []
  const waiters: { resolve: (w: Worker) => void; reject: (e: Error) => void }[] = []
  let live = 0

  const start = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(entry)
      worker.unref()
      live++
      let counted = true
      const gone = () => {
        if (counted) live--
        counted = false
      }
      worker.once('exit', gone)
      const fail = (error: Error) => {
        worker.removeAllListeners('message')
        void worker.terminate()
        gone()
        reject(error)
        serve()
      }
      worker.once('message', () => {
        worker.removeAllListeners('error')
        resolve(worker)
      })
      worker.once('error', fail)
      worker.once('exit', (code) => fail(new Error(`the worker stopped while starting (exit ${code})`)))
    })

  const serve = () => {
    while (waiters.length) {
      const next = idle.pop()
      if (next) {
        clearTimeout(next.timer)
        waiters.shift()!.resolve(next.worker)
        continue
      }
      if (live >= max) return
      const waiter = waiters.shift()!
      start().then(waiter.resolve, waiter.reject)
    }
  }

  const retire = (worker: Worker) => {
    worker.removeAllListeners('message').removeAllListeners('error')
    void worker.terminate()
    serve()
  }

  return {
    acquire: () =>
      new Promise<Worker>((resolve, reject) => {
        waiters.push({ resolve, reject })
        serve()
      }),
    release: (worker, { recycle = false } = {}) => {
      worker.removeAllListeners('message').removeAllListeners('error')
      // Listeners of the pool's own (exit) stay; everything the user added goes.
      worker.removeAllListeners('exit')
      worker.once('exit', () => {
        live--
        const at = idle.findIndex((entry) => entry.worker === worker)
        if (at >= 0) {
          clearTimeout(idle[at]!.timer)
          idle.splice(at, 1)
        }
        serve()
      })
      if (recycle) {
        void worker.terminate()
        return
      }
      // Out of the idle list before it is stopped: terminating takes a while, and a worker handed out in
      // between died under its new user ("the worker stopped (exit 1)" on a healthy file).
      const timer = setTimeout(() => {
        const at = idle.findIndex((entry) => entry.worker === worker)
        if (at >= 0) idle.splice(at, 1)
        void worker.terminate()
      }, idleMs)
      timer.unref()
      idle.push({ worker, timer })
      serve()
    },
    retire,
    drain: () => {
      for (const { worker, timer } of idle.splice(0)) {
        clearTimeout(timer)
        void worker.terminate()
      }
    },
  }
}

export type WorkerOutcome<T> = { kind: 'reply'; message: T } | { kind: 'timeout' } | { kind: 'crash'; reason: string }

/** Sends a message and waits for the matching answer, the deadline, or the worker's death — whichever comes first. */
export const ask = <T>({ worker, message, transfer, matches, timeoutMs }: { worker: Worker; message: unknown; transfer?: ArrayBuffer[]; matches: (reply: T) => boolean; timeoutMs: number }): Promise<WorkerOutcome<T>> =>
  new Promise((resolve) => {
    const done = (outcome: WorkerOutcome<T>) => {
      clearTimeout(timer)
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      resolve(outcome)
    }
    const onMessage = (reply: T) => {
      if (matches(reply)) done({ kind: 'reply', message: reply })
    }
    const onError = (error: Error) => done({ kind: 'crash', reason: error.message })
    const onExit = (code: number) => done({ kind: 'crash', reason: `the worker stopped (exit ${code})` })
    const timer = setTimeout(() => done({ kind: 'timeout' }), timeoutMs)
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
    worker.postMessage(message, transfer)
  })
