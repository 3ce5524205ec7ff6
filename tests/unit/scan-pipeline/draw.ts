import type { GrayImage } from '../../../plugins/scan-pipeline/lib/raster/gray.js'

/** A tiny raster "pen" for unit tests: paper, rules, a header box and left-aligned text blobs. */
export const blankPage = (width = 300, height = 420, paper = 215): GrayImage => ({ width, height, data: new Uint8Array(width * height).fill(paper) })

export const fillRect = (img: GrayImage, x0: number, y0: number, w: number, h: number, v: number): void => {
  for (let y = Math.max(0, y0); y < Math.min(img.height, y0 + h); y++) img.data.fill(v, y * img.width + Math.max(0, x0), y * img.width + Math.min(img.width, x0 + w))
}

/** An upright exam page 1: header box at the top, margin rule on the left, ragged-right text lines. */
export const examPage = ({ header = true, margin = true, lines = 10, seed = 1 }: { header?: boolean; margin?: boolean; lines?: number; seed?: number } = {}): GrayImage => {
  const img = blankPage()
  let s = seed
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647)
  for (let y = 60; y < 410; y += 15) fillRect(img, 5, y, 290, 1, 190) // light rules
  if (margin) fillRect(img, 35, 60, 2, 350, 90)
  if (header) {
    fillRect(img, 15, 10, 270, 2, 20)
    fillRect(img, 15, 50, 270, 2, 20)
    fillRect(img, 15, 10, 2, 42, 20)
    fillRect(img, 283, 10, 2, 42, 20)
    fillRect(img, 25, 25, 30, 6, 30) // "NOM :"
  }
  for (let i = 0; i < lines; i++) {
    const y = 66 + i * 15
    const len = 60 + Math.floor(rnd() * 190)
    for (let x = 42; x < 42 + len; x += 9) fillRect(img, x, y, 6, 7, 60) // words
  }
  return img
}
