export type CsvRow = {
  /** Physical line where the record starts (1-based). */
  line: number
  cells: string[]
}

/**
 * A small RFC 4180 tokenizer. We do not use csv-parse here because row errors must
 * name the physical line where a record *starts*, including records that contain
 * quoted line breaks, and csv-parse only reports the line count at the record's end.
 * An unterminated quote swallows the rest of the file, as in any CSV reader; the
 * caller sees one malformed record at the line where it began.
 */
export const splitCsvRows = ({
  text,
  delimiter,
}: {
  text: string
  delimiter: string
}): { rows: CsvRow[]; unterminatedQuoteAt: number | null } => {
  const rows: CsvRow[] = []
  let cells: string[] = []
  let cell = ''
  let inQuotes = false
  let line = 1
  let rowStart = 1
  let quoteStart = 0

  const endRow = () => {
    cells.push(cell)
    // Blank lines (or lines of empty cells, as spreadsheets export) carry no record.
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowStart, cells })
    cells = []
    cell = ''
  }

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else inQuotes = false
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
        if (ch !== '\r' || text[i + 1] !== '\n') cell += ch
      }
      continue
    }
    if (ch === '"' && cell.trim() === '') {
      cell = ''
      inQuotes = true
      quoteStart = line
    } else if (ch === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowStart = line
    } else cell += ch
  }
  if (inQuotes) {
    endRow()
    return { rows, unterminatedQuoteAt: quoteStart }
  }
  if (cell !== '' || cells.length > 0) endRow()
  return { rows, unterminatedQuoteAt: null }
}

/**
 * The delimiter is the candidate that splits the header line into the most cells
 * (outside quotes); French Excel exports use `;`, others `,`.
 */
export const detectDelimiter = ({ text }: { text: string }): ',' | ';' | '\t' => {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? ''
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let inQuotes = false
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && ch in counts) counts[ch as keyof typeof counts]++
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';'
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t'
  return ','
}
