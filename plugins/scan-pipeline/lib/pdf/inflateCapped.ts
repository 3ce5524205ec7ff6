import { Inflate, constants } from 'pako'

/** `data` only when kept; `length` always. */
export type Inflated = { kind: 'data'; length: number; data?: Uint8Array } | { kind: 'overflow' } | { kind: 'damaged' }

// Node's own zlib is not used here: this runs in worker threads that are terminated at their deadline, and a
// worker stopped between creating a zlib handle and initialising it aborts the whole process (node_zlib.cc,
// "close before init"), the server with it. pako is plain JavaScript: a terminated worker just stops.
const CHUNK = 64 * 1024

class Overflow extends Error {}

/**
 * Inflates a zlib (FlateDecode) stream, at most `cap` bytes out: a bomb stops at the cap, chunk by chunk,
 * instead of filling memory. A stream cut short gives what it holds (as a renderer reads it); data zlib
 * refuses is `damaged`. `keep: false` counts the bytes without keeping them (the last filter of a chain).
 */
export const inflateCapped = ({ data, cap, keep = true }: { data: Uint8Array; cap: number; keep?: boolean }): Inflated => {
  const inflate = new Inflate({ chunkSize: CHUNK })
  const chunks: Uint8Array[] = []
  let length = 0
  inflate.onData = (chunk) => {
    const bytes = chunk as Uint8Array
    length += bytes.length
    if (length > cap) throw new Overflow()
    if (keep) chunks.push(bytes)
  }
  try {
    inflate.push(data, constants.Z_SYNC_FLUSH)
  } catch (err) {
    if (err instanceof Overflow) return { kind: 'overflow' }
    throw err
  }
  if (inflate.err) return { kind: 'damaged' }
  if (!keep) return { kind: 'data', length }
  const out = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return { kind: 'data', length, data: out }
}
