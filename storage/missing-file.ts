import fs from 'node:fs/promises'
import path from 'node:path'

import type { PayloadRequest, UploadConfig } from 'payload'

type Handler = NonNullable<UploadConfig['handlers']>[number]

/**
 * A file URL whose file is not on this disk answers 404 saying so (Payload's local serving answers 500).
 * Runs before Payload's own serving, after its access check; with a cloud storage adapter (local storage
 * disabled) it steps aside so the adapter's handler serves the file.
 */
export const missingFileAnswers404 = (async (req: PayloadRequest, { params }: Parameters<Handler>[1]): Promise<Response | void> => {
  const collections = req.payload.collections as unknown as Record<string, { config: { upload?: unknown } } | undefined>
  const upload = collections[params.collection]?.config.upload as { disableLocalStorage?: boolean; staticDir?: string } | undefined
  if (!upload || upload.disableLocalStorage || !upload.staticDir) return
  const dir = path.resolve(upload.staticDir)
  const file = path.resolve(dir, params.prefix ?? '', params.filename)
  if (!file.startsWith(dir + path.sep)) return // Payload answers its own 400 for this
  const found = await fs.stat(file).then((s) => s.isFile()).catch(() => false)
  if (found) return
  req.payload.logger.warn({ collection: params.collection, file: params.filename }, 'file URL for a file that is not in storage')
  return Response.json({ errors: [{ message: `The file ${params.filename} is not in storage.` }] }, { status: 404 })
}) as Handler
