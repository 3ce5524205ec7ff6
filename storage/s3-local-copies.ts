import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { downloadObject, type S3Bucket } from './s3-bucket'

/** A copy nobody asked for in this long is removed by the next download (the scan job asks again every slice). */
const IDLE_MS = 30 * 60_000

/** Removes the copies (one folder each) that were not used for IDLE_MS; a folder's time is its last use. */
const evictIdle = async ({ dir, now }: { dir: string; now: number }) => {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const folder = path.join(dir, entry.name)
    const stat = await fs.stat(folder).catch(() => undefined)
    if (stat && now - stat.mtimeMs > IDLE_MS) await fs.rm(folder, { recursive: true, force: true })
  }
}

const touch = async (targets: string[], at: Date) => {
  for (const target of targets) await fs.utimes(target, at, at).catch(() => undefined)
}

/**
 * An object as a file on this machine, downloaded once and kept under `dir` for the next caller: the scan
 * job reads its batch again at every slice (20 pages), and a 1 GB batch must not cross the network 100 times.
 * The copy is named after the object's ETag and size, so a new object under a reused name is downloaded
 * afresh. A copy is only a cache: lost with the node, it is downloaded again; idle ones are evicted by the
 * next download here, and cleanup-old-files removes what a crash leaves in data/tmp.
 */
export const localCopyOfObject = async ({ bucket, key, dir, now = Date.now() }: { bucket: S3Bucket; key: string; dir: string; now?: number }): Promise<string> => {
  const head = await bucket.client.headObject({ Bucket: bucket.bucket, Key: key })
  const id = createHash('sha256').update(JSON.stringify([bucket.bucket, key, head.ETag ?? '', head.ContentLength ?? -1])).digest('hex').slice(0, 32)
  const folder = path.join(dir, id)
  const file = path.join(folder, path.posix.basename(key))
  const found = await fs.stat(file).catch(() => undefined)
  if (found?.isFile() && found.size === head.ContentLength) {
    await touch([folder, file], new Date(now))
    return file
  }
  await evictIdle({ dir, now })
  await fs.mkdir(folder, { recursive: true })
  // Written aside, then renamed: a reader never sees half a file, and two downloads at once both end whole.
  const part = path.join(folder, `.part-${randomUUID()}`)
  try {
    await downloadObject({ bucket, key, to: part })
    await fs.rename(part, file)
  } finally {
    await fs.rm(part, { force: true })
  }
  return file
}
