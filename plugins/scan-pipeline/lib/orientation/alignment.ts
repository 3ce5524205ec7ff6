export type AlignmentEvidence = { bands: number; score: number; massCentre: number }

const mad = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const med = sorted[Math.floor(sorted.length / 2)]!
  const dev = sorted.map((v) => Math.abs(v - med)).sort((a, b) => a - b)
  return dev[Math.floor(dev.length / 2)]!
}

/**
 * Handwriting and typing are left-aligned with a ragged right edge. Score > 0 when the left
 * ends of text lines line up better than the right ends (upright); < 0 for upside-down.
 * Also returns where the ink sits vertically (students write from the top down).
 */
export const alignmentEvidence = ({ text, width, height }: { text: Uint8Array; width: number; height: number }): AlignmentEvidence => {
  const rowCount = new Uint32Array(height)
  let total = 0
  let weighted = 0
  for (let y = 0; y < height; y++) {
    let n = 0
    for (let x = 0, r = y * width; x < width; x++) n += text[r + x]!
    rowCount[y] = n
    total += n
    weighted += n * y
  }
  const lefts: number[] = []
  const rights: number[] = []
  let y = 0
  while (y < height) {
    if (rowCount[y]! < 2) {
      y++
      continue
    }
    const y0 = y
    while (y < height && rowCount[y]! >= 2) y++
    const y1 = y
    if (y1 - y0 < 3) continue
    const cols = new Uint32Array(width)
    for (let yy = y0; yy < y1; yy++) for (let x = 0, r = yy * width; x < width; x++) cols[x]! += text[r + x]!
    let l = 0
    while (l < width && cols[l]! < 2) l++
    let r = width - 1
    while (r > l && cols[r]! < 2) r--
    if (r - l > width * 0.08) {
      lefts.push(l)
      rights.push(r)
    }
  }
  const massCentre = total > 0 ? weighted / total / height : 0.5
  if (lefts.length < 3) return { bands: lefts.length, score: 0, massCentre }
  return { bands: lefts.length, score: (mad(rights) - mad(lefts)) / width, massCentre }
}
