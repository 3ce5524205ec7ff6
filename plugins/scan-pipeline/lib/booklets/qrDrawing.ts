import QRCode from 'qrcode'
import { rgb, type PDFPage } from 'pdf-lib'

/** 1 mm modules: a version-1 code is 21 mm wide and still reads on the pipeline's 60-dpi raster (down to ~0.8 mm). */
export const MODULE_PT = 72 / 25.4
/** The white margin a reader needs around a code (the QR standard's 4 modules). */
export const QUIET_MODULES = 4

/** Side of the square a code takes on the page, quiet zone included. */
export const codeSizePt = (text: string): number => (QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size + 2 * QUIET_MODULES) * MODULE_PT

/**
 * Draws a QR code as vector rectangles (one per run of dark modules in a row): sharp at any printer
 * resolution, a few hundred bytes per page. (x, y) is the top-left corner of the quiet zone, pdf-lib points.
 */
export const drawCode = ({ page, text, x, top }: { page: PDFPage; text: string; x: number; top: number }) => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const side = (n + 2 * QUIET_MODULES) * MODULE_PT
  page.drawRectangle({ x, y: top - side, width: side, height: side, color: rgb(1, 1, 1) })
  const x0 = x + QUIET_MODULES * MODULE_PT
  const y0 = top - QUIET_MODULES * MODULE_PT
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && modules.get(row, col)) col++
      page.drawRectangle({ x: x0 + start * MODULE_PT, y: y0 - (row + 1) * MODULE_PT, width: (col - start) * MODULE_PT, height: MODULE_PT, color: rgb(0, 0, 0) })
    }
  }
}
