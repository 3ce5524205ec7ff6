import { RosterInputError } from '../rosterGuard/index'

/**
 * A class list saved as an Excel workbook (.xlsx), turned into the CSV text the roster parser reads, so a
 * workbook gets the same header detection, checks and errors as a CSV file. One CSV line per sheet row,
 * empty rows included and line breaks inside cells flattened: an error's line is the row number Excel shows.
 */
export type WorkbookText = { text: string; sheet: string }

// What a class list's workbook may expand to; a few hundred kilobytes in practice. Above it, a zip bomb.
const MAX_EXPANDED_BYTES = 64 * 1024 * 1024
const MAX_ENTRIES = 2000

const u16 = (data: Uint8Array, at: number) => data[at]! | (data[at + 1]! << 8)
const u32 = (data: Uint8Array, at: number) => (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0

const isZip = (data: Uint8Array | string): data is Uint8Array =>
  typeof data !== 'string' && data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04

/**
 * What the archive's central directory says its files expand to; undefined when there is no readable
 * directory (a broken or truncated file, which the workbook reader then refuses anyway).
 */
const declaredExpansion = (data: Uint8Array): { bytes: number; entries: number } | undefined => {
  const lowest = Math.max(0, data.length - 22 - 0xffff)
  let end = -1
  for (let at = data.length - 22; at >= lowest; at--)
    if (u32(data, at) === 0x06054b50) {
      end = at
      break
    }
  if (end < 0) return undefined
  const entries = u16(data, end + 10)
  let at = u32(data, end + 16)
  let bytes = 0
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) return undefined
    const size = u32(data, at + 24)
    // ZIP64 sizes (0xFFFFFFFF here) are never a class list.
    bytes += size === 0xffffffff ? Number.POSITIVE_INFINITY : size
    at += 46 + u16(data, at + 28) + u16(data, at + 30) + u16(data, at + 32)
  }
  return { bytes, entries }
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** A cell as text: dates in the French order the parser reads, formulas by their result, links by their text. */
const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  // exceljs gives a date cell as midnight UTC of that day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown }
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join('')
    if ('text' in v) return cellText(v.text)
    if ('result' in v) return cellText(v.result)
    return ''
  }
  return String(value)
}

const csvCell = (text: string) => `"${text.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`

type Sheet = {
  name: string
  state?: string
  rowCount: number
  columnCount: number
  actualRowCount: number
  getRow: (n: number) => { getCell: (c: number) => { value: unknown } }
}

/**
 * The first visible worksheet holding something, as CSV text (at most `maxRows` + 11 lines: the roster
 * guard then refuses a longer list with its usual message); undefined when the file is not a zip or not a
 * workbook exceljs can read, so the guard's refusal says what to export instead.
 */
export const readRosterWorkbook = async ({ data, maxRows, fileName = 'the roster' }: { data: Uint8Array | string; maxRows: number; fileName?: string }): Promise<WorkbookText | undefined> => {
  if (!isZip(data)) return undefined
  const expansion = declaredExpansion(data)
  if (!expansion) return undefined
  if (expansion.bytes > MAX_EXPANDED_BYTES || expansion.entries > MAX_ENTRIES)
    throw new RosterInputError({ code: 'roster_too_large', status: 413, message: `${fileName}: this workbook expands to more than ${MAX_EXPANDED_BYTES / 1048576} MB, far more than a class list; save the list as CSV` })
  // exceljs is big: loaded only when a workbook comes, and kept out of Next's bundle of the config.
  const { default: ExcelJS } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as never)
  } catch {
    return undefined
  }
  const sheet = (workbook.worksheets as unknown as Sheet[]).find((s) => (s.state ?? 'visible') === 'visible' && s.actualRowCount > 0)
  if (!sheet) return { text: '', sheet: workbook.worksheets[0]?.name ?? '' }
  const lines: string[] = []
  const rows = Math.min(sheet.rowCount, maxRows + 11)
  const columns = Math.max(1, sheet.columnCount)
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= columns; c++) cells.push(csvCell(cellText(row.getCell(c).value)))
    lines.push(cells.join(';'))
  }
  return { text: lines.join('\r\n'), sheet: sheet.name }
}
