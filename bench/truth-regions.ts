// The generator's truth names an A3 half as displayed (left, right); the cut names it on the page as stored
// (a spread stored portrait with /Rotate 270 has its displayed right half at the bottom). Shared by the benches
// that score pages against the truth.
import { PDFDocument } from 'pdf-lib'

export const storedRegion = (region: string, rotate: number) => {
  const turn: Record<number, Record<string, string>> = { 90: { left: 'bottom', right: 'top' }, 270: { left: 'top', right: 'bottom' }, 180: { left: 'right', right: 'left', top: 'bottom', bottom: 'top' } }
  return turn[((rotate % 360) + 360) % 360]?.[region] ?? region
}

/** Each stored page's /Rotate, in page order. */
export const rotationsOf = async (bytes: Uint8Array) => (await PDFDocument.load(bytes, { updateMetadata: false })).getPages().map((p) => p.getRotation().angle)
