/**
 * What a prepared booklet's QR code says: `KG1:<examId>:<copyNo>:<pageNo>/<pageCount>:<checksum>`.
 * Short (a version-1 code for a numeric exam id: small enough to be read on the 60-dpi analysis raster)
 * and versioned (`KG1`): a later layout gets `KG2` and this reader refuses it instead of misreading it.
 * The checksum guards against a code from another program or a hand-made one being taken for ours; QR's
 * own error correction already guards against damage.
 */
export type BookletCode = { examId: string; copyNo: number; pageNo: number; pageCount: number }

export const CODE_PREFIX = 'KG1'

/** FNV-1a 32-bit over the UTF-8 body, 4 base-36 digits in upper case (keeps numeric payloads in QR alphanumeric mode). */
export const codeChecksum = (body: string): string => {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(body)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash % 36 ** 4).toString(36).toUpperCase().padStart(4, '0')
}

export class BookletCodeError extends Error {
  readonly status = 400
  readonly code = 'invalid_booklet_code'
}

const positive = (n: number, what: string) => {
  if (!Number.isInteger(n) || n < 1) throw new BookletCodeError(`${what} must be a positive integer, got ${n}`)
}

export const encodeBookletCode = ({ examId, copyNo, pageNo, pageCount }: { examId: string | number; copyNo: number; pageNo: number; pageCount: number }): string => {
  const id = String(examId)
  // Ids are numbers (PostgreSQL) or hex strings (MongoDB): anything else could not be told apart from the separators.
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new BookletCodeError(`exam id ${JSON.stringify(id)} cannot be printed in a booklet code`)
  positive(copyNo, 'copy number')
  positive(pageNo, 'page number')
  positive(pageCount, 'page count')
  if (pageNo > pageCount) throw new BookletCodeError(`page ${pageNo} is past the booklet's ${pageCount} pages`)
  const body = `${CODE_PREFIX}:${id}:${copyNo}:${pageNo}/${pageCount}`
  return `${body}:${codeChecksum(body)}`
}

const PATTERN = /^(KG1:([A-Za-z0-9_-]+):(\d{1,6}):(\d{1,4})\/(\d{1,4})):([0-9A-Z]{4})$/

/** The booklet code a QR's text carries, or undefined for any other text (another program's code, a damaged one). */
export const decodeBookletCode = (text: string): BookletCode | undefined => {
  const m = PATTERN.exec(text.trim())
  if (!m || codeChecksum(m[1]!) !== m[6]) return undefined
  const [copyNo, pageNo, pageCount] = [m[3], m[4], m[5]].map(Number) as [number, number, number]
  if (copyNo < 1 || pageNo < 1 || pageCount < 1 || pageNo > pageCount) return undefined
  return { examId: m[2]!, copyNo, pageNo, pageCount }
}
