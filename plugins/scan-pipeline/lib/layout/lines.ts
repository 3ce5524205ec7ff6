/** A straight printed/ruled line found in a binary mask (pixel coordinates of the deskewed region). */
export type Segment = { pos: number; start: number; end: number }

const longestRun = (get: (i: number) => number, n: number, maxGap: number): { start: number; end: number } => {
  let best = { start: 0, end: -1 }
  let start = -1
  let gap = 0
  for (let i = 0; i < n; i++) {
    if (get(i)) {
      if (start < 0) start = i
      gap = 0
      if (i - start > best.end - best.start) best = { start, end: i }
    } else if (start >= 0 && ++gap > maxGap) {
      start = -1
      gap = 0
    }
  }
  return best
}

const merge = (hits: Segment[]): Segment[] => {
  const out: Segment[] = []
  for (const s of hits) {
    const last = out[out.length - 1]
    if (last && s.pos - last.pos <= 2) {
      last.start = Math.min(last.start, s.start)
      last.end = Math.max(last.end, s.end)
      last.pos = (last.pos + s.pos) / 2
    } else out.push({ ...s })
  }
  return out
}

/**
 * Rows holding a long straight run. Three rows are OR-ed and short gaps bridged (thin lines break up under grain and JPEG) so a one-pixel line that a residual
 * skew splits over two rows still reads as one line; word gaps in text break runs.
 */
export const horizontalLines = ({ mask, width, height, minLength }: { mask: Uint8Array; width: number; height: number; minLength: number }): Segment[] => {
  const hits: Segment[] = []
  // most rows hold far too little ink for a long line: skip them before the run scan
  const counts = new Uint32Array(height)
  for (let y = 0; y < height; y++) for (let x = 0, r = y * width; x < width; x++) counts[y]! += mask[r + x]!
  for (let y = 1; y < height - 1; y++) {
    if (counts[y - 1]! + counts[y]! + counts[y + 1]! < minLength) continue
    const r = y * width
    const run = longestRun((x) => mask[r + x]! | mask[r - width + x]! | mask[r + width + x]!, width, 3)
    if (run.end - run.start + 1 >= minLength) hits.push({ pos: y, start: run.start, end: run.end })
  }
  return merge(hits)
}

export const verticalLines = ({ mask, width, height, minLength, x0 = 1, x1 = width - 1 }: { mask: Uint8Array; width: number; height: number; minLength: number; x0?: number; x1?: number }): Segment[] => {
  const hits: Segment[] = []
  const counts = new Uint32Array(width)
  for (let y = 0; y < height; y++) for (let x = 0, r = y * width; x < width; x++) counts[x]! += mask[r + x]!
  for (let x = Math.max(1, x0); x < Math.min(width - 1, x1); x++) {
    if (counts[x - 1]! + counts[x]! + counts[x + 1]! < minLength) continue
    const run = longestRun((y) => mask[y * width + x]! | mask[y * width + x - 1]! | mask[y * width + x + 1]!, height, 4)
    if (run.end - run.start + 1 >= minLength) hits.push({ pos: x, start: run.start, end: run.end })
  }
  return merge(hits)
}
