import fs from 'node:fs/promises'
import path from 'node:path'
import type { IncomingMessage } from 'node:http'

import { FileStore } from '@tus/file-store'
import { Server } from '@tus/server'
import type { Upload } from '@tus/utils'
import type { NextFunction, Request, RequestHandler, Response } from 'express'

import { KorrigoError } from '../../runtime/errors'
import { logger } from '../../runtime/logger'

/**
 * Resumable uploads over the tus protocol (tus.io; `@tus/server` + `@tus/file-store`, the reference Node
 * implementation): a file arrives in chunks written straight to disk at the offset the server holds, so a
 * dropped connection or a sleeping laptop resumes where it stopped and a chunk sent twice is refused (409),
 * never appended twice. This file is the protocol's glue, independent of what a finished file becomes.
 */
export type UploadUser = { id: string | number; role?: string | null }
export type FinishedFile = { id: string; path: string; size: number; metadata: Record<string, string> }
/** What a finished upload became, sent back in the `Korrigo-Result` header (JSON), also to a client resuming after it. */
export type UploadResult = Record<string, string | number>

type Options = {
  /** The route, e.g. `/api/uploads/scan-batches`; uploads are `<path>/<id>`. */
  path: string
  directory: string
  maxBytes: number
  /** Said in a refused upload's message (the variable that sets the limit). */
  limitName: string
  /** Origins whose pages may upload (CORS); the admin is same-origin. */
  allowedOrigins: string[]
  /** An unfinished upload older than this is gone (410), its files removed by cleanup-old-files. */
  expiresAfterMs: number
  authenticate: (req: Request) => Promise<UploadUser | null>
  /** Checks a new upload's metadata (throws a KorrigoError to refuse it); returns the metadata to keep. */
  prepare: (args: { user: UploadUser; metadata: Record<string, string> }) => Promise<Record<string, string>>
  /** Turns the finished file into what it is for; throws a KorrigoError to refuse it (the file is then removed). */
  finish: (args: { user: UploadUser; file: FinishedFile }) => Promise<UploadResult>
}

export type ResumableUploads = { handler: RequestHandler; routes: string[]; cleanUpExpired: () => Promise<number> }

const OWNER = 'korrigoUser'
const RESULT = 'korrigoResult'

/** A refusal as tus sends it: our typed errors and Payload's (both carry an HTTP status) keep their 4xx and message. */
const refusal = (error: unknown): { status_code: number; body: string } => {
  const status = (error as { status?: unknown })?.status
  if (error instanceof KorrigoError || (typeof status === 'number' && status >= 400 && status < 500)) {
    const { message, code } = error as { message: string; code?: string }
    return { status_code: status as number, body: JSON.stringify({ errors: [{ message, ...(code ? { data: { code } } : {}) }] }) }
  }
  logger.error({ err: error }, 'resumable upload failed')
  return { status_code: 500, body: JSON.stringify({ errors: [{ message: 'The upload could not be stored.' }] }) }
}

const stringMetadata = (metadata: Upload['metadata']): Record<string, string> =>
  Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, value ?? '']))

export const createResumableUploads = (options: Options): ResumableUploads => {
  const { path: base, directory, maxBytes, limitName, expiresAfterMs } = options
  const store = new FileStore({ directory, expirationPeriodInMilliseconds: expiresAfterMs })
  // Who sent each request, as the Express side authenticated it; the tus hooks see the same Node request.
  const users = new WeakMap<IncomingMessage, UploadUser>()
  // Uploads whose finished file is being turned into a document: a client resuming meanwhile waits for it.
  const finishing = new Map<string, Promise<unknown>>()
  const userOf = (req: { runtime?: { node?: { req: IncomingMessage } } }): UploadUser => {
    const user = req.runtime?.node?.req ? users.get(req.runtime.node.req) : undefined
    if (!user) throw { status_code: 401, body: 'Sign in first.' }
    return user
  }

  const server = new Server({
    path: base,
    datastore: store,
    maxSize: maxBytes,
    // Behind a reverse proxy the client knows our address better than we do.
    relativeLocation: true,
    exposedHeaders: ['Korrigo-Result'],
    // Browsers on another origin get no CORS answer: the admin uploads from our own pages.
    allowedOrigins: (origin) => options.allowedOrigins.includes(origin),
    onUploadCreate: async (req, upload) => {
      const user = userOf(req as never)
      try {
        const metadata = await options.prepare({ user, metadata: stringMetadata(upload.metadata) })
        return { metadata: { ...metadata, [OWNER]: String(user.id) } }
      } catch (error) {
        throw refusal(error)
      }
    },
    onUploadFinish: async (req, upload) => {
      const user = userOf(req as never)
      const file: FinishedFile = { id: upload.id, path: path.join(directory, upload.id), size: upload.size ?? upload.offset, metadata: stringMetadata(upload.metadata) }
      const work = options.finish({ user, file })
      finishing.set(upload.id, work.catch(() => undefined))
      try {
        const result = await work
        // The data is now the document's; the upload's record stays (until cleanup) so that a client whose
        // last response was lost learns, on resuming, that it is finished and what it became — never uploads again.
        const info = await store.configstore.get(upload.id)
        if (info) {
          info.metadata = { ...info.metadata, [RESULT]: JSON.stringify(result) }
          await store.configstore.set(upload.id, info)
        }
        await fs.rm(file.path, { force: true })
        return { status_code: 204, headers: { 'Korrigo-Result': JSON.stringify(result) } }
      } catch (error) {
        await store.remove(upload.id).catch(() => undefined)
        throw refusal(error)
      } finally {
        finishing.delete(upload.id)
      }
    },
    onResponseError: (_req, error) => {
      // tus's own refusal of a size above maxSize says no limit; ours (a document refused at the end) is kept.
      if ('status_code' in error && error.status_code === 413 && error.body.startsWith('Maximum size exceeded'))
        return { status_code: 413, body: JSON.stringify({ errors: [{ message: `The file is above the ${Math.round(maxBytes / 1048576)} MB limit (${limitName}).` }] }) }
      return undefined
    },
  })

  const idOf = (req: Request): string | undefined => {
    const rest = req.path.slice(base.length).replace(/^\/+/, '')
    return rest && !rest.includes('/') ? decodeURIComponent(rest) : undefined
  }

  /** A finished upload answers HEAD itself: complete, and what it became. */
  const answerFinished = (req: Request, res: Response, info: Upload): void => {
    res.setHeader('Tus-Resumable', '1.0.0')
    res.setHeader('Cache-Control', 'no-store')
    res.setHeader('Korrigo-Result', info.metadata?.[RESULT] ?? '{}')
    if (req.method === 'HEAD') {
      res.setHeader('Upload-Offset', String(info.size ?? 0))
      res.setHeader('Upload-Length', String(info.size ?? 0))
      res.status(200).end()
      return
    }
    // A chunk for a finished upload: the client must ask where it is (HEAD) — 409, as for any wrong offset.
    res.status(409).json({ errors: [{ message: 'This upload is already complete.' }] })
  }

  const handler = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      if (req.method === 'OPTIONS') return void (await server.handle(req, res))
      const user = await options.authenticate(req)
      if (!user) return void res.status(401).json({ errors: [{ message: 'Sign in first: uploads need a staff session.' }] })
      const id = idOf(req)
      if (id) {
        await finishing.get(id)
        const info = (await store.configstore.get(id)) as Upload | undefined
        // Someone else's upload does not exist, as far as this user can tell.
        if (info && info.metadata?.[OWNER] !== String(user.id)) return void res.status(404).json({ errors: [{ message: 'No such upload.' }] })
        if (info?.metadata?.[RESULT] && (req.method === 'HEAD' || req.method === 'PATCH')) return answerFinished(req, res, info)
      }
      users.set(req, user)
      await server.handle(req, res)
    } catch (error) {
      next(error)
    }
  }

  return { handler, routes: [base, `${base}/*id`], cleanUpExpired: () => server.cleanUpExpiredUploads() }
}
