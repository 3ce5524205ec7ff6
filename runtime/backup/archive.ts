import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Readable, Transform } from 'node:stream'
import { createGunzip, createGzip } from 'node:zlib'

import tar from 'tar-stream'

import type { BackupEntry } from './manifest'

/** A pass-through stream that counts and hashes what goes through it: an entry's size and checksum as written or read. */
const checksumming = () => {
  const hash = createHash('sha256')
  let size = 0
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk)
      size += chunk.length
      cb(null, chunk)
    },
  })
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) }
}

/** A tar.gz written entry by entry; each entry's checksum is computed as it is written. */
export const openArchiveWriter = (file: string) => {
  const pack = tar.pack()
  const done = pipeline(pack, createGzip(), fs.createWriteStream(file))
  const entries: BackupEntry[] = []
  /** An entry from bytes, a file on this disk, or a stream of a known size (an object read from S3). */
  const add = async (name: string, source: { bytes: Uint8Array } | { file: string } | { stream: Readable; size: number }): Promise<BackupEntry> => {
    if ('bytes' in source) {
      await new Promise<void>((resolve, reject) => pack.entry({ name, size: source.bytes.length }, Buffer.from(source.bytes), (err) => (err ? reject(err) : resolve())))
      const entry = { path: name, size: source.bytes.length, sha256: createHash('sha256').update(source.bytes).digest('hex') }
      entries.push(entry)
      return entry
    }
    const { size } = 'stream' in source ? source : await fs.promises.stat(source.file)
    const sink = pack.entry({ name, size })
    const hashing = checksumming()
    await pipeline('stream' in source ? source.stream : fs.createReadStream(source.file), hashing.stream, sink)
    const entry = { path: name, size, sha256: hashing.result().sha256 }
    entries.push(entry)
    return entry
  }
  return {
    add,
    entries,
    close: async () => {
      pack.finalize()
      await done
    },
  }
}

export class ArchiveError extends Error {}

/** Entries may only land inside the folder they are extracted to. */
const safeJoin = (root: string, name: string): string => {
  const target = path.resolve(root, name)
  if (!target.startsWith(path.resolve(root) + path.sep)) throw new ArchiveError(`the archive entry "${name}" points outside the archive`)
  return target
}

/**
 * Writes one archive entry to a file, with its size and checksum. The entry (a streamx stream) is read through its
 * own async iterator: Node's pipeline never settles on a streamx stream destroyed before it was attached, and a
 * damaged archive's gzip check fails just so, while the entry's folder is being made (`korrigo restore` hung).
 */
export const writeEntry = async ({ entry, target }: { entry: AsyncIterable<unknown>; target: string }): Promise<{ size: number; sha256: string }> => {
  const hashing = checksumming()
  await pipeline(Readable.from(entry), hashing.stream, fs.createWriteStream(target))
  return hashing.result()
}

/** Extracts a tar.gz into a folder, with each entry's size and checksum. */
export const extractArchive = async ({ file, into, onEntry }: { file: string; into: string; onEntry?: (name: string) => void }): Promise<Map<string, BackupEntry>> => {
  const found = new Map<string, BackupEntry>()
  const extract = tar.extract()
  // One failure, said once: a damaged gzip stream breaks both the pipeline and the loop reading from it, and the
  // pipeline's error says what is wrong ("incorrect data check") where the loop's says only that a stream ended.
  let broken: Error | undefined
  let stopped: Error | undefined
  const reading = pipeline(fs.createReadStream(file), createGunzip(), extract).catch((error: Error) => {
    broken = error
  })
  try {
    for await (const entry of extract) {
      const name = entry.header.name
      if (entry.header.type !== 'file') {
        entry.resume()
        continue
      }
      const target = safeJoin(into, name)
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      found.set(name, { path: name, ...(await writeEntry({ entry, target })) })
      onEntry?.(name)
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error
    stopped = error as Error
  }
  await reading
  const failure = broken ?? stopped
  if (failure) throw new ArchiveError(`${file}: not a readable Korrigo backup, damaged or not a backup (${failure.message}); nothing was restored`)
  return found
}
