import { dilate, type Mask } from '../../../plugins/scan-pipeline/lib/template/mask'
import { fieldCrop } from '../../../plugins/identification/lib/fields/crop'
import { findCellRow } from '../../../plugins/identification/lib/fields/cellRow/row'
import { strokesOf } from '../../../plugins/identification/lib/fields/handwriting'
import { inkOf } from '../../../plugins/identification/lib/fields/page'
import { compactName } from '../../../plugins/identification/lib/match/index'
import { readField } from '../../../plugins/identification/lib/ocr/index'
import { HANDWRITING_FONTS, renderCellField } from './helpers/fieldImage'
import { useOcrEngines } from './helpers/engines'

// The official sheet at 150 dpi: 12.6 × 16 pt cells, white on the shaded header, the PRÉNOM row 8 pt below
// the NOM row; capitals as large as a hand writes them in such cells, touching their walls.
const FIELD = { cells: 14, cellWidth: 26, height: 50, fontSize: 24, sheet: { nextRow: 'CLOTILDE', gap: 17 } }
/** The NOM row's bottom rule (the helper draws rows 8 px above the field's height) */
const NOM_ROW_BOTTOM = FIELD.height - 8
const NAMES = ['DUPONT', 'BEN AYED', "N'DIAYE", 'LE GOFF', 'MARTIN', 'JEAN-BAPTISTE', 'ZOE', 'DOS SANTOS']

const engines = useOcrEngines()

/**
 * What the pipeline has for a filled-in cell row: the page, and its writing once the blank form's print is
 * taken away with the form aligned `off` pixels wrong (slivers of every wall and rule stay as "writing").
 */
const filledRow = async ({ text, font, off }: { text: string; font: string; off: number }) => {
  const page = await renderCellField({ text, font, ...FIELD })
  const blank = await renderCellField({ text: '', font, ...FIELD })
  const print = inkOf(blank)
  const shifted: Mask = { width: blank.width, height: blank.height, data: new Uint8Array(print.length) }
  for (let y = 0; y < blank.height; y++) for (let x = off; x < blank.width; x++) shifted.data[y * blank.width + x] = print[y * blank.width + x - off]!
  const grown = dilate(shifted, 1)
  const ink = inkOf(page)
  const writing: Mask = { width: page.width, height: page.height, data: ink.map((v, i) => (v && !grown.data[i] ? 1 : 0)) }
  // the NOM field's writing, as the labels assign it: what is written in its row
  const strokes = strokesOf(writing).filter((s) => (s.y0 + s.y1) / 2 < NOM_ROW_BOTTOM)
  return { page, writing, strokes }
}

const inkColumnsTallerThan = ({ raw, width, height }: { raw: Uint8Array; width: number; height: number }, tall: number) => {
  let columns = 0
  for (let x = 0; x < width; x++) {
    let run = 0
    let longest = 0
    for (let y = 0; y < height; y++) {
      run = raw[y * width + x]! < 128 ? run + 1 : 0
      longest = Math.max(longest, run)
    }
    if (longest >= tall) columns++
  }
  return columns
}

describe('a name written one capital per cell, the form a few pixels off', () => {
  it('is cut on the page’s own walls: no sliver of a wall or rule reaches the recogniser', async () => {
    for (const off of [2, 3]) {
      const { page, writing, strokes } = await filledRow({ text: 'LE GOFF', font: 'Humor Sans', off })
      const crop = fieldCrop({ page, writing, strokes })!
      // a wall runs the cell's full height (32 px here); the capitals are 17 px tall
      expect([off, inkColumnsTallerThan(crop, 26)]).toEqual([off, 0])
    }
  })

  it('reads as the name, letters that touch their walls included', async () => {
    // Read on the page's pixels, the grid's walls, shade and empty cells made 2 of 24 come out exactly.
    let exact = 0
    const misses: string[] = []
    for (const font of HANDWRITING_FONTS)
      for (const [k, name] of NAMES.entries()) {
        const { page, writing, strokes } = await filledRow({ text: name, font, off: 2 + (k % 2) })
        const crop = fieldCrop({ page, writing, strokes })!
        const { candidates } = await readField({ image: crop, engines: [engines.tesseract, engines.paddle] })
        if (compactName(candidates[0]?.text ?? '') === compactName(name)) exact++
        else misses.push(`${font}: ${name} → ${candidates[0]?.text}`)
      }
    console.log(`names in cells read exactly: ${exact}/${NAMES.length * HANDWRITING_FONTS.length}\n${misses.join('\n')}`)
    expect(exact).toBeGreaterThanOrEqual(18)
  }, 120_000)
})

describe('letter cells read against a form learned from the batch', () => {
  // A form learned from the batch's own first pages keeps a ghost of what many students write in the same cell
  // (the first letter of a name, the "20" of a year): taken away, it took the letter written there with it
  // (the official sheet without its subject read CHEVALIER as "LIER", 28.9 % of its copies named).
  it('keeps the letter a ghost in the learned print covers', async () => {
    const page = await renderCellField({ text: 'MARTIN', font: 'Humor Sans', ...FIELD })
    const blank = await renderCellField({ text: '', font: 'Humor Sans', ...FIELD })
    const print = inkOf(blank)
    const ink = inkOf(page)
    const written: Mask = { width: page.width, height: page.height, data: ink.map((v, i) => (v && !print[i] ? 1 : 0)) }
    const first = strokesOf(written).filter((s) => (s.y0 + s.y1) / 2 < NOM_ROW_BOTTOM).sort((a, b) => a.x0 - b.x0)[0]!
    // the learned print: the blank form and the M every student wrote in the first cell
    const ghosted = print.map((v, i) => {
      const x = i % page.width
      const y = Math.floor(i / page.width)
      return v || (ink[i] && x >= first.x0 && x <= first.x1 && y >= first.y0 && y <= first.y1) ? 1 : 0
    })
    const grown = dilate({ width: page.width, height: page.height, data: ghosted }, 1)
    const writing: Mask = { width: page.width, height: page.height, data: ink.map((v, i) => (v && !grown.data[i] ? 1 : 0)) }
    const strokes = strokesOf(writing).filter((s) => (s.y0 + s.y1) / 2 < NOM_ROW_BOTTOM)
    const inkIn = (crop: { raw: Uint8Array }) => crop.raw.filter((v) => v < 128).length
    const subject = fieldCrop({ page, writing, strokes })!
    const learned = fieldCrop({ page, writing, strokes, learnedForm: true })!
    // the M is in the crop read against a learned form, and not against a form that really prints it
    expect(inkIn(learned) - inkIn(subject)).toBeGreaterThan(0.6 * first.pixels)
    const { candidates } = await readField({ image: learned, engines: [engines.tesseract, engines.paddle] })
    expect(compactName(candidates[0]?.text ?? '').toUpperCase()).toBe('MARTIN')
  }, 120_000)
})

describe('a light hand in letter cells', () => {
  // A thin pen scanned light: taking the blank form away keeps only the darkest bits of its strokes, a few pixels
  // tall, and a band of one such "letter" around them holds neither rule of the row (official-a4 --seed 9: VINCENT
  // Léa read "ENT", SARAH "MH", 5 of 26 students left unnamed).
  const fragmentsOf = async (name: string) => {
    const page = await renderCellField({ text: name, font: 'Humor Sans', ...FIELD })
    const blank = await renderCellField({ text: '', font: 'Humor Sans', ...FIELD })
    const print = dilate({ width: blank.width, height: blank.height, data: inkOf(blank) }, 1)
    const ink = inkOf(page)
    const whole: Mask = { width: page.width, height: page.height, data: ink.map((v, i) => (v && !print.data[i] ? 1 : 0)) }
    const letters = strokesOf(whole).filter((s) => (s.y0 + s.y1) / 2 < NOM_ROW_BOTTOM)
    const middle = Math.round(letters.reduce((sum, s) => sum + (s.y0 + s.y1) / 2, 0) / letters.length)
    const writing: Mask = { ...whole, data: whole.data.map((v, i) => (Math.abs(Math.floor(i / page.width) - middle) <= 2 ? v : 0)) }
    return { page, writing, strokes: strokesOf(writing).filter((s) => (s.y0 + s.y1) / 2 < NOM_ROW_BOTTOM) }
  }

  it('finds the row of cells around writing found only in pieces, and reads the name on the page’s own pixels (a form learned from the batch)', async () => {
    let exact = 0
    const misses: string[] = []
    for (const name of NAMES) {
      const { page, writing, strokes } = await fragmentsOf(name)
      expect([name, findCellRow({ page, strokes }) !== undefined]).toEqual([name, true])
      const { candidates } = await readField({ image: fieldCrop({ page, writing, strokes, learnedForm: true })!, engines: [engines.tesseract, engines.paddle] })
      if (compactName(candidates[0]?.text ?? '') === compactName(name)) exact++
      else misses.push(`${name} → ${candidates[0]?.text}`)
    }
    console.log(`light hand, names in cells read exactly: ${exact}/${NAMES.length}\n${misses.join('\n')}`)
    expect(exact).toBeGreaterThanOrEqual(6)
  }, 120_000)
})
