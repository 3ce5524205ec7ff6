import type { PDFFont } from 'pdf-lib'

/** Breaks text into lines no wider than `width`, at spaces, and inside words that are longer than a line (as Konva does). */
export const wrapText = ({ text, font, size, width }: { text: string; font: PDFFont; size: number; width: number }): string[] => {
  const measure = (s: string) => font.widthOfTextAtSize(s, size)
  const lines: string[] = []
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = ''
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word
      if (measure(candidate) <= width || !line) {
        line = candidate
      } else {
        lines.push(line)
        line = word
      }
      while (measure(line) > width && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && measure(line.slice(0, cut)) > width) cut--
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
      }
    }
    lines.push(line)
  }
  return lines
}

/** Cuts a single line to `width`, ending with an ellipsis, like the portal's stamps. */
export const ellipsize = ({ text, font, size, width }: { text: string; font: PDFFont; size: number; width: number }): string => {
  if (font.widthOfTextAtSize(text, size) <= width) return text
  let cut = text.length
  while (cut > 0 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, size) > width) cut--
  return `${text.slice(0, cut)}…`
}

/** Characters the embedded font has no glyph for would throw in pdf-lib: print them as '?' instead. */
const charsets = new WeakMap<PDFFont, Set<number>>()
export const printable = ({ text, font }: { text: string; font: PDFFont }): string => {
  let set = charsets.get(font)
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())))
  return [...text].map((c) => (c === '\n' || set.has(c.codePointAt(0)!) ? c : '?')).join('')
}
