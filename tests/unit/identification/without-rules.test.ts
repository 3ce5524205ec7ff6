import { withoutRules } from '../../../plugins/identification/lib/fields/rules'

// A form's labels are read without the rules around them (lib/fields/form.ts): frames and letter cells
// beside a label made OCR read the label and the cells as one line of garbage on the official sheet.
const W = 320
const H = 120
const INK = 20

const draw = (raw: Uint8Array, x0: number, y0: number, x1: number, y1: number) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) raw[y * W + x] = INK
}

const form = () => {
  const raw = new Uint8Array(W * H).fill(245)
  draw(raw, 5, 5, 315, 7) // a frame's top rule
  // a row of six letter cells, 25 px wide, 30 px tall
  draw(raw, 150, 40, 302, 42)
  draw(raw, 150, 70, 302, 72)
  for (let k = 0; k <= 6; k++) draw(raw, 150 + k * 25, 40, 152 + k * 25, 72)
  // a bold word whose letters touch: 12 px tall capitals, each a stem and a bar joined at mid-height
  for (let k = 0; k < 8; k++) {
    draw(raw, 20 + k * 11, 50, 23 + k * 11, 62)
    draw(raw, 20 + k * 11, 55, 31 + k * 11, 57)
  }
  return raw
}

describe('a print without its rules', () => {
  const image = { raw: form(), width: W, height: H }
  const out = withoutRules({ image, long: 60, tall: 26 })
  const at = (x: number, y: number) => out.raw[y * W + x]!

  it('takes away frames and the walls and rules of letter cells', () => {
    expect(at(100, 5)).toBeGreaterThan(200)
    expect(at(200, 41)).toBeGreaterThan(200)
    expect(at(176, 60)).toBeGreaterThan(200)
  })

  it('keeps a bold word whose letters touch, though its bar runs longer than a rule', () => {
    expect(at(21, 52)).toBe(INK)
    expect(at(60, 56)).toBe(INK)
    expect(at(98, 60)).toBe(INK)
  })

  it('leaves the image it was given as it was', () => {
    expect(image.raw[5 * W + 100]).toBe(INK)
  })
})
