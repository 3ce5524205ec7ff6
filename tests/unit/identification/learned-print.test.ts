import { lightestOf, printOfLayers } from '../../../plugins/identification/lib/fields/lightest'

// The print of a form learned from several first pages. On the official sheet every student writes a letter in
// the first cells of the name, and a student's several sheets carry the same header: the second-lightest value
// (which forgives one page a little off) keeps a ghost of those letters, on which the form's labels were misread
// and the pages aligned to one student's writing (official-a3-heldout without its subject: 0 % named, 86 % since).
const W = 60
const H = 40
const PAPER = 255
const INK = 20

/** A page: a printed wall at x = 10 (x = 10 + shift), and a letter's stroke at x = 30..33 if written. */
const page = ({ shift = 0, letter = false, blank = false }: { shift?: number; letter?: boolean; blank?: boolean }) => {
  const raw = new Uint8Array(W * H).fill(PAPER)
  for (let y = 0; y < H; y++) {
    if (!blank) for (let x = 10 + shift; x < 12 + shift; x++) raw[y * W + x] = INK
    if (letter && y > 10 && y < 30) for (let x = 30; x < 34; x++) raw[y * W + x] = INK
  }
  return raw
}

const printOf = (layers: Uint8Array[], outlier?: number) => {
  const { first, second, confirmed, count } = lightestOf({ size: W * H, layers, outlier })
  return printOfLayers({ first, second, confirmed, count, width: W, height: H })
}

describe('the print learned from aligned first pages', () => {
  it('keeps no letter that all pages but one have in one place, and keeps the print', () => {
    const layers = [page({}), ...Array.from({ length: 6 }, () => page({ letter: true }))]
    const print = printOf(layers)
    expect(print[20 * W + 31]).toBe(PAPER)
    expect(print[20 * W + 10]).toBe(INK)
    // the second-lightest alone, as before, kept the letter as print
    expect(lightestOf({ size: W * H, layers }).second[20 * W + 31]).toBe(INK)
  })

  it('forgives one page a pixel off', () => {
    const layers = [page({}), page({ shift: 1 }), page({}), page({}), page({}), page({}), page({})]
    const print = printOf(layers)
    expect([print[20 * W + 10], print[20 * W + 11]]).toEqual([INK, INK])
  })

  it('confirms the print without the page aligned worst, which may show none of it', () => {
    const layers = [page({}), page({}), page({}), page({}), page({}), page({}), page({ blank: true })]
    expect(printOf(layers, 6)[20 * W + 10]).toBe(INK)
    expect(printOf(layers)[20 * W + 10]).toBe(PAPER)
  })
})
