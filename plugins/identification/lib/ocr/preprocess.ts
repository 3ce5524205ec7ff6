import sharp from 'sharp'
import type { FieldImage } from './types'
import { findCellWalls } from './cellWalls'

export type CleanField = { png: Buffer; width: number; height: number; inkPixels: number }

// Engines read best at roughly this text height; header crops are often smaller.
const TARGET_HEIGHT = 96
// Box edges sit at the sides of a field crop; a vertical stroke elsewhere is a letter's stem.
const EDGE_BAND = 0.12
// A dotted baseline's thickness in rows, blur included; a thicker band of dotted rows is letters.
const MAX_RULE_ROWS = 5
// Paper texture and scanner noise stay within this many grey levels of the paper.
const PAPER_NOISE = 12

/**
 * Removes what is not handwriting — ruled lines, dotted baselines, box edges, specks — then
 * crops to the ink and rescales. Ink is found against the crop's own paper: a fixed threshold
 * lost pencil and faded ink on grey scans. The ink keeps its grey levels (contrast stretched):
 * recognisers were trained on anti-aliased text, not on hard black and white.
 * Measured: tesseract fell from ~55 % to ~25 % exact reads on underlined fields without this step.
 */
export const cleanField = async ({ image }: { image: FieldImage }): Promise<CleanField> => {
  const input = 'raw' in image ? sharp(image.raw, { raw: { width: image.width, height: image.height, channels: 1 } }) : sharp(image)
  const { data, info } = await input.greyscale().raw().toBuffer({ resolveWithObject: true })
  const width = info.width
  const height = info.height
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length)
  const { paper, threshold } = inkThreshold(pixels)
  const ink = new Uint8Array(width * height)
  for (let i = 0; i < ink.length; i++) ink[i] = pixels[i]! < threshold ? 1 : 0
  const found = ink.slice()

  const printFree = 'raw' in image && image.printFree === true
  let dottedBand: Uint8Array = new Uint8Array(height)
  if (!printFree) {
    // Letter cells' walls are told from letters by the rules they join: found before the rules go.
    const walls = findCellWalls({ ink, width, height })
    removeLongRuns({ ink, width, height, horizontal: true, minRun: Math.max(40, Math.round(width * 0.25)) })
    for (const index of walls) ink[index] = 0
    removeEdgeLines({ ink, width, height })
    // Dotted or dashed baselines survive run removal: drop rows made of many short, evenly spread pieces.
    // In a row of cells, letters evenly spaced look like a dotted rule row after row: there is no rule to remove.
    if (!walls.length) dottedBand = removeDottedRows({ ink, width, height })
  }
  removeSpecks({ ink, width, height })
  removeBorderSlivers({ ink, width, height })

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
  if (maxX < 0) {
    const png = await sharp(Buffer.alloc(32 * 32, 255), { raw: { width: 32, height: 32, channels: 1 } }).png().toBuffer()
    return { png, width: 32, height: 32, inkPixels: 0 }
  }
  const out = Buffer.alloc(width * height, 255)
  const darkest = darkestInk({ pixels, ink })
  const span = Math.max(1, paper - darkest)
  // Faint strokes below the ink threshold (hairlines, pencil) stay as light grey; what was removed as a
  // line or a speck, and its anti-aliased rim, becomes paper; paper texture is flattened to white.
  const removed = new Uint8Array(ink.length)
  for (let i = 0; i < ink.length; i++) if (found[i] && !ink[i]) removed[i] = 1
  const paperCut = paper - PAPER_NOISE
  for (let i = 0; i < ink.length; i++) {
    if (pixels[i]! >= paperCut || removed[i]) continue
    if (!ink[i] && (dottedBand[Math.floor(i / width)] || touches({ mask: removed, width, height, index: i }))) continue
    out[i] = Math.max(0, Math.min(255, Math.round(((pixels[i]! - darkest) / span) * 255)))
  }
  // Hairlines may reach past the inked box.
  minX = Math.max(0, minX - 3)
  maxX = Math.min(width - 1, maxX + 3)
  minY = Math.max(0, minY - 3)
  maxY = Math.min(height - 1, maxY + 3)
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

/**
 * Paper is the crop's typical grey (most of a field is empty); ink is what is clearly darker than
 * it, relative to the darkest marks present. A crop with no real contrast has no ink at all.
 */
export const inkThreshold = (pixels: Uint8Array): { paper: number; threshold: number } => {
  const histogram = new Uint32Array(256)
  for (const p of pixels) histogram[p]!++
  const percentile = (q: number) => {
    let seen = 0
    const target = q * pixels.length
    for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) >= target) return v
    return 255
  }
  const paper = percentile(0.5)
  const dark = percentile(0.003)
  const contrast = paper - dark
  // Below this contrast the "ink" is paper texture or scanner noise.
  if (contrast < 45) return { paper, threshold: 0 }
  return { paper, threshold: paper - Math.max(25, Math.round(contrast * 0.2)) }
}

const darkestInk = ({ pixels, ink }: { pixels: Uint8Array; ink: Uint8Array }) => {
  const values: number[] = []
  for (let i = 0; i < ink.length; i++) if (ink[i]) values.push(pixels[i]!)
  values.sort((a, b) => a - b)
  return values[Math.floor(values.length * 0.05)] ?? 0
}

const touches = ({ mask, width, height, index }: { mask: Uint8Array; width: number; height: number; index: number }) => {
  const x = index % width
  const y = (index - x) / width
  return (x > 0 && mask[index - 1] === 1) || (x < width - 1 && mask[index + 1] === 1) || (y > 0 && mask[index - width] === 1) || (y < height - 1 && mask[index + width] === 1)
}

/**
 * Every pixel of a run of ink at least `minRun` long, along rows (`horizontal`) or columns; `lines`: only these rows
 * or columns. Found before anything is cleared, so a thick line's neighbouring rows are judged on their own runs.
 */
const longRuns = ({ ink, width, height, horizontal, minRun, lines = () => true }: { ink: Uint8Array; width: number; height: number; horizontal: boolean; minRun: number; lines?: (line: number) => boolean }): number[] => {
  const count = horizontal ? height : width
  const length = horizontal ? width : height
  const at = (line: number, k: number) => (horizontal ? line * width + k : k * width + line)
  const found: number[] = []
  for (let line = 0; line < count; line++) {
    if (!lines(line)) continue
    let start = -1
    for (let k = 0; k <= length; k++) {
      const on = k < length && ink[at(line, k)] === 1
      if (on && start < 0) start = k
      if (!on && start >= 0) {
        if (k - start >= minRun) for (let j = start; j < k; j++) found.push(at(line, j))
        start = -1
      }
    }
  }
  return found
}

const removeLongRuns = (request: Parameters<typeof longRuns>[0]) => {
  for (const index of longRuns(request)) request.ink[index] = 0
}

/**
 * Vertical box edges: long vertical runs in the side bands of the crop only. In the middle, a run
 * as tall as the field is the stem of an L or an N written large, not a line.
 */
const removeEdgeLines = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }) => {
  const band = Math.max(4, Math.round(width * EDGE_BAND))
  const minRun = Math.max(20, Math.round(height * 0.85))
  removeLongRuns({ ink, width, height, horizontal: false, minRun, lines: (x) => x < band || x >= width - band })
}

/** Clears dotted rules; returns the rows around them, where faint grey is the rule's blur, not ink. */
const removeDottedRows = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }): Uint8Array => {
  // made only for a crop where a band thin enough for a rule is found (most crops have none)
  let tall: Uint8Array | undefined
  const dotted = new Uint8Array(height)
  for (let y = 0; y < height; y++) {
    let first = -1, last = -1, count = 0, pieces = 0, longest = 0, run = 0
    for (let x = 0; x <= width; x++) {
      const on = x < width && ink[y * width + x] === 1
      if (on) {
        count++
        run++
        if (first < 0) first = x
        last = x
      } else if (run > 0) {
        pieces++
        longest = Math.max(longest, run)
        run = 0
      }
    }
    // A dotted rule: wide, many pieces, all short. A row through handwriting has long pieces or few.
    if (count > 0 && last - first > width * 0.6 && pieces >= 12 && longest <= 12) dotted[y] = 1
  }
  // A rule is a few rows thick. Row after row of short, evenly spread pieces is writing: capitals spaced
  // evenly (a name one letter per cell, its walls gone) cross every row of their height that way.
  // Rows of the same band may miss the test here and there (a crossbar): a gap of two rows does not end it.
  for (let y = 0; y < height; y++) {
    if (!dotted[y]) continue
    let end = y + 1
    while (end < height && (dotted[end] || dotted[end + 1] || dotted[end + 2])) end++
    if (end - y > MAX_RULE_ROWS || crossedByStrokes({ ink, tall: (tall ??= tallInk({ ink, width, height })), width, from: y, to: end })) dotted.fill(0, y, end)
    y = end
  }
  // The rows right next to a dotted rule carry its blur.
  const band = new Uint8Array(height)
  for (let y = 0; y < height; y++)
    if (dotted[y] || (y > 0 && dotted[y - 1]) || (y < height - 1 && dotted[y + 1])) {
      band[y] = 1
      for (let x = 0; x < width; x++) if (dotted[y] || isolatedVertically({ ink, width, height, x, y })) ink[y * width + x] = 0
    }
  return band
}

/** Ink whose column runs on for more rows than a dotted rule is thick: part of a stroke, not of a dot. */
const tallInk = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }): Uint8Array => {
  const tall = new Uint8Array(ink.length)
  for (const index of longRuns({ ink, width, height, horizontal: false, minRun: MAX_RULE_ROWS + 1 })) tall[index] = 1
  return tall
}

/**
 * Rows most of whose ink runs on above and below them: letters, not a rule, however short their pieces (capitals
 * drawn as outlines cut every row of their height into short pieces, and a few of those rows pass for dotted).
 */
const crossedByStrokes = ({ ink, tall, width, from, to }: { ink: Uint8Array; tall: Uint8Array; width: number; from: number; to: number }): boolean => {
  let count = 0
  let strokes = 0
  for (let i = from * width; i < to * width; i++) {
    count += ink[i]!
    strokes += tall[i]!
  }
  return strokes * 2 >= count
}

const isolatedVertically = ({ ink, width, height, x, y }: { ink: Uint8Array; width: number; height: number; x: number; y: number }) => {
  let above = 0
  for (let k = 1; k <= 3; k++) if (y - k >= 0 && ink[(y - k) * width + x]) above++
  let below = 0
  for (let k = 1; k <= 3; k++) if (y + k < height && ink[(y + k) * width + x]) below++
  return above === 0 || below === 0
}

/** Connected pieces of a few pixels: scanner dust and leftovers of removed lines, never a letter. */
const removeSpecks = ({ ink, width, height, maxSize = 6 }: { ink: Uint8Array; width: number; height: number; maxSize?: number }) => {
  forEachPiece({ ink, width, height, onPiece: (piece) => piece.length <= maxSize })
}

/** Thin pieces touching the crop's side: the end of a box edge or of the next field, not a letter. */
const removeBorderSlivers = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }) => {
  forEachPiece({
    ink,
    width,
    height,
    onPiece: (piece) => {
      let minX = width, maxX = -1
      for (const i of piece) {
        const x = i % width
        if (x < minX) minX = x
        if (x > maxX) maxX = x
      }
      return (minX === 0 || maxX === width - 1) && maxX - minX <= 3
    },
  })
}

/** Calls `onPiece` with every 8-connected piece of ink; clears the pieces it returns true for. */
const forEachPiece = ({ ink, width, height, onPiece }: { ink: Uint8Array; width: number; height: number; onPiece: (piece: number[]) => boolean }) => {
  const seen = new Uint8Array(ink.length)
  const stack: number[] = []
  const piece: number[] = []
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue
    stack.push(start)
    seen[start] = 1
    piece.length = 0
    while (stack.length) {
      const i = stack.pop()!
      piece.push(i)
      const x = i % width
      const y = (i - x) / width
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx, ny = y + dy
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue
          const j = ny * width + nx
          if (ink[j] && !seen[j]) {
            seen[j] = 1
            stack.push(j)
          }
        }
    }
    if (onPiece(piece)) for (const i of piece) ink[i] = 0
  }
}
