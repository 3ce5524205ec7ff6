/**
 * Checks a class-list file before the roster parser reads it: what no parser should have to survive.
 * Too big or too long → 413; a workbook, a PDF, an image or UTF-32 → 415 saying what to export instead;
 * UTF-16 (Excel's "Unicode text") is decoded; stray NUL and control characters, which no name contains
 * and the database refuses, are removed. The rows themselves are the parser's business.
 */
export type RosterLimits = { maxBytes: number; maxRows: number }

export const DEFAULT_ROSTER_LIMITS: RosterLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 }

export class RosterInputError extends Error {
  readonly status: number
  readonly code: string
  constructor({ message, status, code }: { message: string; status: number; code: string }) {
    super(message)
    this.name = 'RosterInputError'
    this.status = status
    this.code = code
  }
}

const starts = (data: Uint8Array, ...bytes: number[]) => bytes.every((b, i) => data[i] === b)

const SIGNATURES: { test: (d: Uint8Array) => boolean; what: string }[] = [
  { test: (d) => starts(d, 0x50, 0x4b, 0x03, 0x04) || starts(d, 0x50, 0x4b, 0x05, 0x06), what: 'an Excel workbook (.xlsx) or another zip archive: open it and save it as CSV (UTF-8)' },
  { test: (d) => starts(d, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), what: 'an old Excel workbook (.xls): open it and save it as CSV (UTF-8)' },
  { test: (d) => starts(d, 0x25, 0x50, 0x44, 0x46), what: 'a PDF document: export the class list as CSV from the school software' },
  { test: (d) => starts(d, 0x89, 0x50, 0x4e, 0x47) || starts(d, 0xff, 0xd8, 0xff) || starts(d, 0x47, 0x49, 0x46, 0x38), what: 'an image' },
  { test: (d) => starts(d, 0x7b, 0x5c, 0x72, 0x74, 0x66), what: 'an RTF document: save the list as CSV' },
  { test: (d) => starts(d, 0x00, 0x00, 0xfe, 0xff) || starts(d, 0xff, 0xfe, 0x00, 0x00), what: 'UTF-32 text: save it as CSV (UTF-8)' },
]

/** UTF-16 without a byte-order mark: one byte in two is zero (Latin text). */
const utf16Without = (data: Uint8Array): 'utf-16le' | 'utf-16be' | undefined => {
  const sample = data.subarray(0, Math.min(data.length, 4096))
  if (sample.length < 8) return undefined
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? oddZero++ : evenZero++
  const half = sample.length / 2
  if (oddZero > half * 0.7 && evenZero < half * 0.05) return 'utf-16le'
  if (evenZero > half * 0.7 && oddZero < half * 0.05) return 'utf-16be'
  return undefined
}

// C0 controls other than tab, line feed and carriage return (and DEL).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const isControlByte = (b: number) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f

const countLines = (data: Uint8Array | string): number => {
  let lines = 1
  if (typeof data === 'string') {
    for (let i = 0; i < data.length; i++) if (data.charCodeAt(i) === 10) lines++
  } else for (let i = 0; i < data.length; i++) if (data[i] === 10) lines++
  return lines
}

/** The file, ready for the roster parser (bytes as they came, or text once decoded from UTF-16); or a 4xx. */
export const guardRosterInput = ({ data, fileName = 'the roster', limits = DEFAULT_ROSTER_LIMITS }: { data: Uint8Array | string; fileName?: string; limits?: RosterLimits }): Uint8Array | string => {
  const size = typeof data === 'string' ? data.length : data.length
  if (size > limits.maxBytes)
    throw new RosterInputError({ code: 'roster_too_large', status: 413, message: `${fileName}: ${Math.ceil(size / 1024)} kB, above the ${Math.round(limits.maxBytes / 1024)} kB limit for a class list (KORRIGO_ROSTER_MAX_MB)` })
  let input: Uint8Array | string = data
  if (typeof data !== 'string') {
    const kind = SIGNATURES.find((s) => s.test(data))
    if (kind) throw new RosterInputError({ code: 'roster_not_text', status: 415, message: `${fileName} is ${kind.what}; a class list is a CSV file` })
    const utf16 = starts(data, 0xff, 0xfe) ? 'utf-16le' : starts(data, 0xfe, 0xff) ? 'utf-16be' : utf16Without(data)
    if (utf16) input = new TextDecoder(utf16).decode(data)
  }
  const lines = countLines(input)
  if (lines > limits.maxRows + 10)
    throw new RosterInputError({ code: 'roster_too_long', status: 413, message: `${fileName}: ${lines} lines, above the ${limits.maxRows}-student limit for one import (KORRIGO_ROSTER_MAX_ROWS); import the classes one file at a time` })
  if (typeof input === 'string') return HAS_CONTROL.test(input) ? input.replace(CONTROL, '') : input
  // 8-bit text: the control bytes are removed from the bytes, so the parser still chooses the encoding.
  return input.some(isControlByte) ? input.filter((b) => !isControlByte(b)) : input
}

/** KORRIGO_ROSTER_MAX_MB and KORRIGO_ROSTER_MAX_ROWS. */
export const rosterLimitsFromEnv = (env: Readonly<Record<string, unknown>>): RosterLimits => {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name])
    return env[name] && Number.isFinite(value) && value > 0 ? value : fallback
  }
  return { maxBytes: Math.round(read('KORRIGO_ROSTER_MAX_MB', DEFAULT_ROSTER_LIMITS.maxBytes / 1048576) * 1048576), maxRows: Math.floor(read('KORRIGO_ROSTER_MAX_ROWS', DEFAULT_ROSTER_LIMITS.maxRows)) }
}
