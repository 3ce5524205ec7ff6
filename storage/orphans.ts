import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Files directly under an upload folder that no row names, and old enough not to be an upload in flight
 * (Payload writes the file a moment before the row is committed). Pure file-system work: `known` is the set
 * of file names the collection's rows hold.
 */
export const orphanFiles = async ({ directory, known, olderThanMs, now = Date.now() }: { directory: string; known: Set<string>; olderThanMs: number; now?: number }): Promise<string[]> => {
  const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => [])
  const orphans: string[] = []
  for (const entry of entries) {
    if (!entry.isFile() || known.has(entry.name)) continue
    const full = path.join(directory, entry.name)
    const stat = await fs.stat(full).catch(() => undefined)
    if (stat && now - stat.mtimeMs > olderThanMs) orphans.push(full)
  }
  return orphans
}

/**
 * The same for objects listed from a bucket (storage/s3-bucket.ts `listObjects`): keys no row names, last
 * written more than `olderThanMs` ago. An object without a date is kept: nothing is removed on a guess.
 */
export const orphanObjects = ({
  objects,
  known,
  olderThanMs,
  now = Date.now(),
}: {
  objects: { key: string; lastModified?: Date }[]
  known: Set<string>
  olderThanMs: number
  now?: number
}): string[] => objects.filter((o) => !known.has(o.key) && o.lastModified !== undefined && now - o.lastModified.getTime() > olderThanMs).map((o) => o.key)
