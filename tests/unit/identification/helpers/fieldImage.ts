import sharp from 'sharp'

export const HANDWRITING_FONTS = ['DkgHandwriting', 'Humor Sans', 'Dancing Script'] as const

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;')

/**
 * A copie double's Seyes ruling: grey rules every 8 px, every fourth a little darker, and a vertical rule every 32 px,
 * all of it crossing the letters written over it.
 */
const squaredPaper = ({ width, height }: { width: number; height: number }) =>
  [
    ...Array.from({ length: Math.ceil(height / 8) }, (_, k) => `<line x1="0" y1="${4 + k * 8}" x2="${width}" y2="${4 + k * 8}" stroke="#9a9aa8" stroke-width="${k % 4 === 0 ? 1.6 : 0.8}"/>`),
    ...Array.from({ length: Math.ceil(width / 32) }, (_, k) => `<line x1="${16 + k * 32}" y1="0" x2="${16 + k * 32}" y2="${height}" stroke="#9a9aa8" stroke-width="0.8"/>`),
  ].join('')

/**
 * A header field as it looks on a scan: a box edge, a dotted or solid baseline (or squared paper),
 * a printed label outside the crop, and the name in a handwriting font from a
 * Debian package (fonts-dkg-handwriting, fonts-humor-sans, fonts-dancingscript).
 */
export const renderField = async ({
  text,
  font,
  ruling = 'solid',
  box = true,
  width = 520,
  height = 90,
  fontSize = 40,
  slant = 0,
  ink = '#1a1a40',
}: {
  text: string
  font: string
  ruling?: 'solid' | 'dotted' | 'none' | 'squared'
  box?: boolean
  width?: number
  height?: number
  fontSize?: number
  slant?: number
  /** the pen's colour (a grey pencil, a faded pen) */
  ink?: string
}): Promise<{ raw: Uint8Array; width: number; height: number }> => {
  const baseline = height - 22
  const line =
    ruling === 'none'
      ? ''
      : ruling === 'squared'
      ? squaredPaper({ width, height })
      : `<line x1="8" y1="${baseline + 6}" x2="${width - 8}" y2="${baseline + 6}" stroke="#222" stroke-width="2" ${ruling === 'dotted' ? 'stroke-dasharray="2 4"' : ''}/>`
  const frame = box ? `<rect x="2" y="2" width="${width - 4}" height="${height - 4}" fill="none" stroke="#111" stroke-width="2"/>` : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#f4f4f0"/>${frame}${line}
    <text x="24" y="${baseline}" font-family="${font}" font-size="${fontSize}" fill="${ink}" transform="skewX(${slant})">${escapeXml(text)}</text>
  </svg>`
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true })
  return { raw: new Uint8Array(data), width: info.width, height: info.height }
}

/**
 * A name written one capital per printed cell (the official exam sheet's NOM and PRÉNOM rows): thin cell
 * walls between two rules, more cells than letters, each letter roughly centred in its cell. `sheet`: as
 * on the official sheet, white cells on a shaded band, with the next row of cells (`nextRow` written in
 * it) a little below.
 */
export const renderCellField = async ({
  text,
  font,
  cells = 24,
  cellWidth = 30,
  height = 56,
  fontSize = 30,
  sheet,
}: {
  text: string
  font: string
  cells?: number
  cellWidth?: number
  height?: number
  fontSize?: number
  sheet?: { nextRow: string; gap: number }
}) => {
  const top = 10
  const bottom = height - 8
  const width = cells * cellWidth + 20
  const row = (y0: number, y1: number, letters: string) => {
    const walls = Array.from({ length: cells + 1 }, (_, k) => `<line x1="${10 + k * cellWidth}" y1="${y0}" x2="${10 + k * cellWidth}" y2="${y1}" stroke="#333" stroke-width="1.2"/>`).join('')
    const cellsFill = sheet ? `<rect x="10" y="${y0}" width="${cells * cellWidth}" height="${y1 - y0}" fill="#fbfbf8"/>` : ''
    const rules = `<line x1="10" y1="${y0}" x2="${10 + cells * cellWidth}" y2="${y0}" stroke="#333" stroke-width="1.2"/><line x1="10" y1="${y1}" x2="${10 + cells * cellWidth}" y2="${y1}" stroke="#333" stroke-width="1.2"/>`
    const written = [...letters]
      .map((c, k) => `<text x="${10 + k * cellWidth + cellWidth / 2}" y="${y1 - 9}" text-anchor="middle" font-family="${font}" font-size="${fontSize}" fill="#1a1a40">${escapeXml(c)}</text>`)
      .join('')
    return `${cellsFill}${rules}${walls}${written}`
  }
  const next = sheet ? { y0: bottom + sheet.gap, y1: bottom + sheet.gap + (bottom - top) } : undefined
  const fullHeight = next ? next.y1 + 8 : height
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${fullHeight}"><rect width="100%" height="100%" fill="${sheet ? '#d9d9d4' : '#f4f4f0'}"/>${row(top, bottom, text)}${next ? row(next.y0, next.y1, sheet!.nextRow) : ''}</svg>`
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true })
  return { raw: new Uint8Array(data), width: info.width, height: info.height }
}
