'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Upload, type DetailedError } from 'tus-js-client'

import { addSample, type Sample } from './rate'

export type UploadState = 'waiting' | 'uploading' | 'paused' | 'offline' | 'retrying' | 'finishing' | 'done' | 'failed'

export type UploadEntry = {
  key: string
  name: string
  exam: string
  state: UploadState
  sent: number
  total: number
  samples: Sample[]
  /** The server's words when it refused the file; a code from the uploader otherwise. */
  error?: { message?: string; code?: 'tooLarge' | 'notPdf' }
  batch?: string | number
}

/** Two files at a time: a copier's run in several PDFs goes up together without one starving the others. */
const PARALLEL = 2
/** Chunks of 16 MB: each is one request, so a proxy's body limit never sees the whole file. */
const CHUNK_BYTES = 16 * 1024 * 1024
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 15_000]

/** A refusal (4xx other than a conflict or a lock) will not change by sending again. */
const isFinal = (error: Error | DetailedError): boolean => {
  const status = (error as DetailedError).originalResponse?.getStatus?.() ?? 0
  return status >= 400 && status < 500 && status !== 409 && status !== 423
}

const serverMessage = (error: Error | DetailedError): string => {
  const body = (error as DetailedError).originalResponse?.getBody?.() ?? ''
  try {
    return JSON.parse(body)?.errors?.[0]?.message ?? error.message
  } catch {
    return body.trim() || error.message
  }
}

/**
 * The uploads of one screen, over tus (tus-js-client): each file resumes after a dropped connection or a
 * sleeping laptop — by itself when the network is back, from the offset the server holds — and after a page
 * reload too (the upload's address is kept in localStorage, keyed by exam and file). Pause aborts the
 * current request; resume asks the server where it is.
 */
export const useUploads = ({ endpoint, limitBytes }: { endpoint: string; limitBytes: number }) => {
  const [entries, setEntries] = useState<UploadEntry[]>([])
  const uploads = useRef(new Map<string, Upload>())
  const files = useRef(new Map<string, File>())
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>())
  const attempts = useRef(new Map<string, number>())
  const started = useRef(new Set<string>())

  const patch = useCallback((key: string, change: Partial<UploadEntry> | ((entry: UploadEntry) => Partial<UploadEntry>)) => {
    setEntries((all) => all.map((entry) => (entry.key === key ? { ...entry, ...(typeof change === 'function' ? change(entry) : change) } : entry)))
  }, [])

  const resumeLater = useCallback(
    (key: string) => {
      const upload = uploads.current.get(key)
      if (!upload) return
      if (!navigator.onLine) {
        patch(key, { state: 'offline' })
        const back = () => {
          window.removeEventListener('online', back)
          patch(key, { state: 'uploading' })
          upload.start()
        }
        window.addEventListener('online', back)
        return
      }
      const attempt = attempts.current.get(key) ?? 0
      attempts.current.set(key, attempt + 1)
      patch(key, { state: 'retrying' })
      timers.current.set(
        key,
        setTimeout(() => {
          patch(key, { state: 'uploading' })
          upload.start()
        }, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]),
      )
    },
    [patch],
  )

  const begin = useCallback(
    async (entry: UploadEntry) => {
      const file = files.current.get(entry.key)!
      let result: string | undefined
      const upload = new Upload(file, {
        endpoint,
        chunkSize: CHUNK_BYTES,
        retryDelays: [0, 1_000, 3_000],
        metadata: { filename: file.name, filetype: file.type || 'application/pdf', exam: entry.exam },
        // The same file for another exam is another upload.
        fingerprint: async () => ['korrigo-scan', endpoint, entry.exam, file.name, file.size, file.lastModified].join(':'),
        removeFingerprintOnSuccess: true,
        onAfterResponse: (_req, res) => {
          result = res.getHeader('Korrigo-Result') ?? result
        },
        onProgress: (sent, total) => {
          attempts.current.delete(entry.key)
          patch(entry.key, (current) => ({
            sent,
            total,
            samples: addSample(current.samples, { at: Date.now(), bytes: sent }),
            state: current.state === 'paused' ? 'paused' : sent === total ? 'finishing' : 'uploading',
          }))
        },
        onSuccess: () => {
          let batch: string | number | undefined
          try {
            batch = result ? JSON.parse(result).batch : undefined
          } catch {
            batch = undefined
          }
          patch(entry.key, (current) => ({ state: 'done', sent: current.total, batch }))
        },
        onError: (error) => {
          if (isFinal(error)) patch(entry.key, { state: 'failed', error: { message: serverMessage(error) } })
          else resumeLater(entry.key)
        },
      })
      uploads.current.set(entry.key, upload)
      const previous = await upload.findPreviousUploads().catch(() => [])
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0])
      patch(entry.key, { state: 'uploading' })
      upload.start()
    },
    [endpoint, patch, resumeLater],
  )

  // A queue: the next waiting files start as running ones finish (or are paused).
  useEffect(() => {
    const running = entries.filter((entry) => ['uploading', 'offline', 'retrying', 'finishing'].includes(entry.state)).length
    const next = entries.filter((entry) => entry.state === 'waiting' && !started.current.has(entry.key)).slice(0, Math.max(0, PARALLEL - running))
    for (const entry of next) {
      started.current.add(entry.key)
      void begin(entry)
    }
  }, [entries, begin])

  useEffect(
    () => () => {
      timers.current.forEach((timer) => clearTimeout(timer))
      uploads.current.forEach((upload) => void upload.abort())
    },
    [],
  )

  const add = useCallback(
    ({ picked, exam }: { picked: File[]; exam: string }) => {
      const added = picked.map((file): UploadEntry => {
        const key = `${exam}:${file.name}:${file.size}:${file.lastModified}:${Math.random().toString(36).slice(2)}`
        files.current.set(key, file)
        const base = { key, name: file.name, exam, sent: 0, total: file.size, samples: [] }
        if (file.size > limitBytes) return { ...base, state: 'failed', error: { code: 'tooLarge' } }
        if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') return { ...base, state: 'failed', error: { code: 'notPdf' } }
        return { ...base, state: 'waiting' }
      })
      setEntries((all) => [...all, ...added])
    },
    [limitBytes],
  )

  const pause = useCallback(
    (key: string) => {
      clearTimeout(timers.current.get(key))
      void uploads.current.get(key)?.abort()
      patch(key, { state: 'paused', samples: [] })
    },
    [patch],
  )

  const resume = useCallback(
    (key: string) => {
      patch(key, { state: 'uploading' })
      uploads.current.get(key)?.start()
    },
    [patch],
  )

  const remove = useCallback((key: string) => {
    clearTimeout(timers.current.get(key))
    void uploads.current.get(key)?.abort()
    uploads.current.delete(key)
    files.current.delete(key)
    setEntries((all) => all.filter((entry) => entry.key !== key))
  }, [])

  return { entries, add, pause, resume, remove }
}
