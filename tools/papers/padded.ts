import fs from 'node:fs'
import { finished } from 'node:stream/promises'

/**
 * A real batch made as large as wanted, still a valid PDF that reads without repair: an incremental update
 * appends one unreferenced stream of filler bytes, a cross-reference section for it and a trailer that points
 * back (`/Prev`) to the original's. The pages, and so the copies, are the original's. Used by the upload
 * tests (a file of exactly the limit) and `bench/upload.ts` (hundreds of MB, written without holding them).
 */
type Tail = { root: string; size: number; startxref: number }

const tailOf = (source: Uint8Array): Tail => {
  const tail = Buffer.from(source.subarray(Math.max(0, source.length - 4096))).toString('latin1')
  const root = [...tail.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].pop()?.[1]
  const size = [...tail.matchAll(/\/Size\s+(\d+)/g)].pop()?.[1]
  const startxref = [...tail.matchAll(/startxref\s+(\d+)/g)].pop()?.[1]
  if (!root || !size || !startxref) throw new Error('padded PDF: the source has no readable trailer (Root, Size, startxref) in its last 4 kB')
  return { root, size: Number(size), startxref: Number(startxref) }
}

/** The update around `fill` filler bytes, and its total size when appended to `source`. */
const updateAround = ({ source, tail, fill }: { source: Uint8Array; tail: Tail; fill: number }) => {
  const object = tail.size
  const head = `\n${object} 0 obj\n<< /Length ${fill} >>\nstream\n`
  const objectAt = source.length + 1
  const afterStream = '\nendstream\nendobj\n'
  const xrefAt = source.length + head.length + fill + afterStream.length
  const xref = `xref\n${object} 1\n${String(objectAt).padStart(10, '0')} 00000 n\r\n`
  const trailer = `trailer\n<< /Size ${object + 1} /Root ${tail.root} /Prev ${tail.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`
  const end = afterStream + xref + trailer
  return { head, end, total: source.length + head.length + fill + end.length }
}

/** How many filler bytes make the file exactly `size` bytes (the numbers written change length with it). */
const fillFor = ({ source, tail, size }: { source: Uint8Array; tail: Tail; size: number }): number => {
  let fill = Math.max(0, size - source.length - 200)
  for (let i = 0; i < 5; i++) {
    const { total } = updateAround({ source, tail, fill })
    if (total === size) return fill
    fill += size - total
    if (fill < 0) break
  }
  throw new Error(`padded PDF: cannot make exactly ${size} bytes from a ${source.length}-byte source`)
}

/** `source` padded to exactly `size` bytes, in memory (tests: a few MB). */
export const paddedPdf = ({ source, size }: { source: Uint8Array; size: number }): Uint8Array => {
  const tail = tailOf(source)
  const fill = fillFor({ source, tail, size })
  const { head, end } = updateAround({ source, tail, fill })
  return Buffer.concat([source, Buffer.from(head, 'latin1'), Buffer.alloc(fill, 0x20), Buffer.from(end, 'latin1')])
}

/** `source` padded to exactly `size` bytes, written to `path` a megabyte at a time (benchmarks: up to GBs). */
export const writePaddedPdf = async ({ source, size, path }: { source: Uint8Array; size: number; path: string }): Promise<void> => {
  const tail = tailOf(source)
  const fill = fillFor({ source, tail, size })
  const { head, end } = updateAround({ source, tail, fill })
  const out = fs.createWriteStream(path)
  const write = (chunk: Uint8Array) => (out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())))
  await write(source)
  await write(Buffer.from(head, 'latin1'))
  const block = Buffer.alloc(1024 * 1024, 0x20)
  for (let left = fill; left > 0; left -= block.length) await write(left >= block.length ? block : block.subarray(0, left))
  await write(Buffer.from(end, 'latin1'))
  out.end()
  await finished(out)
}
