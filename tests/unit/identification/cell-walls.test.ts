import { findCellWalls } from '../../../plugins/identification/lib/ocr/cellWalls'

/** A 0/1 ink mask drawn with rectangles. */
const mask = (width: number, height: number, rects: [number, number, number, number][]) => {
  const ink = new Uint8Array(width * height)
  for (const [x0, y0, w, h] of rects) for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) ink[y * width + x] = 1
  return ink
}

describe('the walls of letter cells', () => {
  const width = 400
  const height = 60
  const rules: [number, number, number, number][] = [[10, 8, 361, 2], [10, 50, 361, 2]]

  it('finds a regular grid of walls joining two rules, and the rules across it', () => {
    const walls: [number, number, number, number][] = Array.from({ length: 13 }, (_, k) => [10 + 30 * k, 8, 2, 44])
    const letter: [number, number, number, number] = [22, 18, 3, 24]
    const ink = mask(width, height, [...rules, ...walls, letter])
    const found = new Set(findCellWalls({ ink, width, height }))
    expect(found.has(30 * 3 + 10 + 25 * width)).toBe(true) // a wall's middle
    expect(found.has(200 + 8 * width)).toBe(true) // the top rule between walls
    expect(found.has(23 + 30 * width)).toBe(false) // the letter's stem stays
  })

  it('leaves tall strokes alone when they do not join two rules (a name written large on a line)', () => {
    const stems: [number, number, number, number][] = Array.from({ length: 8 }, (_, k) => [20 + 40 * k, 12, 3, 37])
    expect(findCellWalls({ ink: mask(width, height, [[10, 50, 361, 2], ...stems]), width, height })).toEqual([])
  })

  it('leaves a few boxes alone: four walls at least, evenly spaced', () => {
    const uneven: [number, number, number, number][] = [[10, 8, 2, 44], [40, 8, 2, 44], [150, 8, 2, 44], [170, 8, 2, 44], [360, 8, 2, 44]]
    expect(findCellWalls({ ink: mask(width, height, [...rules, ...uneven]), width, height })).toEqual([])
  })
})
