import { LineCapStyle, degrees, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib'
import { A4 } from '../geometry.js'

export type PrintFonts = { sans: PDFFont; sansBold: PDFFont; serif: PDFFont; serifBold: PDFFont; serifItalic: PDFFont; mono: PDFFont }
export type Face = keyof PrintFonts

export const BLACK = rgb(0, 0, 0)
export const GREY = rgb(0.45, 0.45, 0.45)

/**
 * Draws on one upright A4 side of a page (an A3 spread has two, at offset ox) in top-left coordinates,
 * which is how the designs and the truth think about a page.
 */
export type Printer = {
  fonts: PrintFonts
  text: (s: string, o: { x: number; y: number; size: number; face?: Face; color?: Color; rotate?: number }) => number
  /** text centred on cx */
  centered: (s: string, o: { cx: number; y: number; size: number; face?: Face; color?: Color }) => number
  width: (s: string, size: number, face?: Face) => number
  rect: (o: { x: number; y: number; width: number; height: number; border?: number; color?: Color; fill?: Color; dash?: number[] }) => void
  line: (o: { x1: number; y1: number; x2: number; y2: number; thickness?: number; color?: Color; dash?: number[] }) => void
  circle: (o: { cx: number; cy: number; r: number; border?: number; color?: Color; fill?: Color }) => void
  /** raw access for handwriting (which needs the page and the offset) */
  page: PDFPage
  ox: number
}

export const createPrinter = ({ page, ox, fonts }: { page: PDFPage; ox: number; fonts: PrintFonts }): Printer => {
  const H = A4.height
  const width = (s: string, size: number, face: Face = 'sans') => fonts[face].widthOfTextAtSize(s, size)
  const text: Printer['text'] = (s, { x, y, size, face = 'sans', color = BLACK, rotate }) => {
    page.drawText(s, { x: ox + x, y: H - y, size, font: fonts[face], color, ...(rotate ? { rotate: degrees(rotate) } : {}) })
    return width(s, size, face)
  }
  return {
    fonts,
    page,
    ox,
    text,
    width,
    centered: (s, { cx, y, size, face = 'sans', color }) => text(s, { x: cx - width(s, size, face) / 2, y, size, face, color }),
    rect: ({ x, y, width: w, height: h, border = 1, color = BLACK, fill, dash }) =>
      page.drawRectangle({
        x: ox + x,
        y: H - y - h,
        width: w,
        height: h,
        ...(border > 0 ? { borderWidth: border, borderColor: color } : {}),
        ...(fill ? { color: fill } : {}),
        ...(dash ? { borderDashArray: dash } : {}),
      }),
    line: ({ x1, y1, x2, y2, thickness = 0.8, color = BLACK, dash }) =>
      page.drawLine({ start: { x: ox + x1, y: H - y1 }, end: { x: ox + x2, y: H - y2 }, thickness, color, lineCap: LineCapStyle.Butt, ...(dash ? { dashArray: dash } : {}) }),
    circle: ({ cx, cy, r, border = 1, color = BLACK, fill }) =>
      page.drawCircle({ x: ox + cx, y: H - cy, size: r, ...(border > 0 ? { borderWidth: border, borderColor: color } : {}), ...(fill ? { color: fill } : {}) }),
  }
}
