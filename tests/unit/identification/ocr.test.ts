import sharp from 'sharp'
import { compactName, identifyCopies, levenshtein, type MatchStudent } from '../../../plugins/identification/lib/match/index.js'
import { cleanField, createTesseractEngine, readField, type OcrEngine } from '../../../plugins/identification/lib/ocr/index.js'
import { HANDWRITING_FONTS, renderCellField, renderField } from './helpers/fieldImage.js'
import { useOcrEngines } from './helpers/engines.js'

// Needs the Debian fonts in .ci/apt-packages.txt and the npm language data / models.
const NAMES = ['Dupont', 'LEFÈVRE', "O'Brien", 'Martins', 'Benali', 'Nguyen', 'Léa', 'Jean-Baptiste', 'GARNIER', 'Chloé', 'de la Fontaine', 'Maëlys']

const engines = useOcrEngines()

const fieldAccuracy = async ({ engine, clean }: { engine: OcrEngine; clean: boolean }) => {
  let exact = 0, total = 0
  for (const [i, font] of HANDWRITING_FONTS.entries())
    for (const name of NAMES) {
      const image = await renderField({ text: name, font, ruling: i % 2 === 0 ? 'dotted' : 'solid' })
      const candidates = clean
        ? (await readField({ image, engines: [engine] })).candidates
        : await engine.recognize({ png: await sharp(image.raw, { raw: { width: image.width, height: image.height, channels: 1 } }).png().toBuffer(), kind: 'name' })
      total++
      if (compactName(candidates[0]?.text ?? '') === compactName(name)) exact++
    }
  return exact / total
}

describe('OCR of rendered handwriting fields', () => {
  test('cleaning removes the box and the ruled line, keeps the ink', async () => {
    const empty = await renderField({ text: '', font: 'Humor Sans', ruling: 'dotted' })
    expect((await cleanField({ image: empty })).inkPixels).toBe(0)
    const written = await cleanField({ image: await renderField({ text: 'Dupont', font: 'Humor Sans', ruling: 'solid' }) })
    expect(written.inkPixels).toBeGreaterThan(200)
    // Cropped to the word, not to the 520-px box.
    expect(written.width).toBeLessThan(520 * 2)
  })

  test('capitals spaced evenly are writing, not a dotted rule: cleaning keeps them', async () => {
    // Row after row of short, evenly spread pieces is how a dotted baseline looks, and how spaced capitals
    // look across their whole height; only the rule's few rows may go. Before: 17 % of DkgHandwriting's ink kept.
    const kept: Record<string, number[]> = {}
    for (const font of HANDWRITING_FONTS) {
      const image = await renderField({ text: 'M A R T I N   D U P O N T', font, ruling: 'none', box: false, width: 760 })
      const written = image.raw.filter((v) => v < 140).length
      const cleaned = (await cleanField({ image })).inkPixels
      const printFree = (await cleanField({ image: { ...image, printFree: true } })).inkPixels
      kept[font] = [cleaned, printFree].map((n) => Math.round((n / written) * 100))
    }
    for (const [font, shares] of Object.entries(kept)) expect([font, shares.every((share) => share >= 80)]).toEqual([font, true])
  })

  test('on squared paper, rows the ruling cuts into short pieces are letters, not a dotted rule', async () => {
    // A copie double's Seyes ruling cuts outlined capitals (DkgHandwriting) into short pieces row after row: a few
    // of those rows passed for a dotted rule and went, and with them the letters' tops ("ZOÉ LE GOFF" read "2辆",
    // copie-double-a3 --seed 11). Letters' strokes run on above and below a rule's rows; a dotted rule's dots do not.
    // Before: 26 letters away from the names in all (the closest reading of each, a grey pen), 11 after.
    let edits = 0
    for (const font of HANDWRITING_FONTS)
      for (const name of ['ZOÉ LE GOFF', 'MARTIN Sacha', 'DUBOIS MATEO', 'Louise GARCIA', 'KOWALSKI Nathan', 'Hugo O’NEILL']) {
        const { candidates } = await readField({ image: await renderField({ text: name, font, ruling: 'squared', box: false, height: 80, fontSize: 36, ink: '#303040' }), engines: [engines.tesseract, engines.paddle] })
        edits += Math.min(compactName(name).length, ...candidates.map((c) => levenshtein(compactName(c.text), compactName(name))))
      }
    expect(edits).toBeLessThanOrEqual(18)
  })

  test('an empty box reads as nothing (an unnamed copy)', async () => {
    const image = await renderField({ text: '', font: 'DkgHandwriting', ruling: 'solid' })
    expect(await readField({ image, engines: [engines.tesseract, engines.paddle] })).toEqual({ candidates: [] })
  })

  test('a name gets a lattice to weigh roster names with, a date only its readings', async () => {
    const name = await readField({ image: await renderField({ text: 'Dupont', font: 'Humor Sans', ruling: 'solid' }), engines: [engines.tesseract, engines.paddle] })
    expect(name.lattice?.frames).toBeGreaterThan(0)
    const date = await readField({ image: await renderField({ text: '12/03/2009', font: 'Humor Sans', ruling: 'solid' }), engines: [engines.tesseract, engines.paddle], kind: 'date' })
    expect(date.candidates.length).toBeGreaterThan(0)
    expect(date.lattice).toBeUndefined()
  })

  test('tesseract: cleaning matters, and most fields read exactly (folded)', async () => {
    const cleaned = await fieldAccuracy({ engine: engines.tesseract, clean: true })
    const raw = await fieldAccuracy({ engine: engines.tesseract, clean: false })
    console.log(`engines.tesseract field exact reads: ${(cleaned * 100).toFixed(0)} % cleaned, ${(raw * 100).toFixed(0)} % raw`)
    expect(cleaned).toBeGreaterThanOrEqual(0.6)
    expect(cleaned).toBeGreaterThan(raw + 0.2)
  })

  test('paddle: most fields read exactly (folded)', async () => {
    const cleaned = await fieldAccuracy({ engine: engines.paddle, clean: true })
    console.log(`engines.paddle field exact reads: ${(cleaned * 100).toFixed(0)} % cleaned`)
    expect(cleaned).toBeGreaterThanOrEqual(0.7)
  })

  test('engines.paddle reads a name and its lattice in one pass, as well as detecting the line first', async () => {
    // The field is one line already: the recogniser's own best path replaces detection + a second pass.
    let detected = 0, onePass = 0
    for (const [i, font] of HANDWRITING_FONTS.entries())
      for (const name of NAMES) {
        const clean = await cleanField({ image: await renderField({ text: name, font, ruling: i % 2 === 0 ? 'solid' : 'dotted' }) })
        const read = await engines.paddle.readLine!({ png: clean.png })
        expect(read.lattice.frames).toBeGreaterThan(0)
        if (compactName(read.candidates[0]?.text ?? '') === compactName(name)) onePass++
        if (compactName((await engines.paddle.recognize({ png: clean.png, kind: 'name' }))[0]?.text ?? '') === compactName(name)) detected++
      }
    console.log(`engines.paddle exact reads of ${HANDWRITING_FONTS.length * NAMES.length} names: ${onePass} in one pass, ${detected} detecting the line first`)
    expect(onePass).toBeGreaterThanOrEqual(detected - 2)
  })

  test('a date field', async () => {
    const image = await renderField({ text: '12/03/2010', font: 'Humor Sans', ruling: 'dotted' })
    const { candidates } = await readField({ image, engines: [engines.tesseract, engines.paddle], kind: 'date' })
    expect(candidates.some((c) => c.text.replace(/\D/g, '') === '12032010')).toBe(true)
  })

  test('tesseract: fields of two copies read side by side each keep their own alphabet', async () => {
    // Two copies are read at once (services/readHeaders.ts). A name's switch to letters and its recognition
    // used to let a date's switch to digits in between: the name came back as digits on some interleavings.
    const engine = await createTesseractEngine()
    try {
      const png = async (text: string) => {
        const image = await renderField({ text, font: 'Humor Sans', ruling: 'none', box: false })
        return sharp(image.raw, { raw: { width: image.width, height: image.height, channels: 1 } }).png().toBuffer()
      }
      const [name, date] = await Promise.all([png('Dupont'), png('12/03/2010')])
      const together = await Promise.all([engine.recognize({ png: name, kind: 'name' }), engine.recognize({ png: date, kind: 'date' }), engine.recognize({ png: name, kind: 'name' })])
      const alone = [await engine.recognize({ png: name, kind: 'name' }), await engine.recognize({ png: date, kind: 'date' }), await engine.recognize({ png: name, kind: 'name' })]
      expect(together.map((c) => c[0]?.text)).toEqual(alone.map((c) => c[0]?.text))
      expect(compactName(alone[0]![0]?.text ?? '')).toMatch(/[a-z]{4}/)
      expect(alone[1]![0]?.text.replace(/\D/g, '')).toMatch(/\d{6}/)
    } finally {
      await engine.terminate()
    }
  })

  test('end to end: rendered headers of a small class, read by both engines, never a wrong name', async () => {
    const students: MatchStudent[] = [
      ['Dupont', 'Hugo'], ['Dupond', 'Inès'], ['Martin', 'Léa'], ['Martins', 'Léa'], ['Benali', 'Yasmine'], ['Benali', 'Rayan'],
      ["O'Brien", 'Chloé'], ['Nguyen', 'Maëlys'], ['Garnier', 'Théo'], ['de la Fontaine', 'Jean-Baptiste'],
    ].map(([lastName, firstName], i) => ({ studentKey: `s${i}`, lastName: lastName!, firstName: firstName! }))
    const present = students.filter((_, i) => i !== 3)
    const copies = await Promise.all(
      present.map(async (s, i) => {
        const font = HANDWRITING_FONTS[i % HANDWRITING_FONTS.length]!
        const [lastName, firstName] = await Promise.all(
          [s.lastName, s.firstName].map(async (text) => readField({ image: await renderField({ text, font, ruling: 'dotted' }), engines: [engines.tesseract, engines.paddle] })),
        )
        return { copyKey: s.studentKey, fields: { lastName: lastName!.candidates, firstName: firstName!.candidates }, lattices: { lastName: lastName!.lattice, firstName: firstName!.lattice } }
      }),
    )
    const results = identifyCopies({ copies, students })
    const identified = results.filter((r) => r.status === 'identified')
    console.log(`end to end: ${identified.length}/${results.length} identified`)
    for (const r of identified) expect(r.studentKey).toBe(r.copyKey)
    expect(identified.length).toBeGreaterThanOrEqual(7)
  })

  test('a name written one capital per cell (the official exam sheet) reads as the name, not as the cells', async () => {
    // Left in, the cells' walls read as I, l or | between every letter: no name came out exactly (0 of 24).
    const names = ['DUPONT', 'CHEVALIER', 'BEN AYED', 'LEFÈVRE', "N'DIAYE", 'JEAN-BAPTISTE', 'ZOÉ', 'MILLIAT']
    let exact = 0
    for (const font of HANDWRITING_FONTS)
      for (const name of names) {
        const { candidates } = await readField({ image: await renderCellField({ text: name, font }), engines: [engines.tesseract, engines.paddle] })
        if (compactName(candidates[0]?.text ?? '') === compactName(name)) exact++
      }
    console.log(`names in cells read exactly: ${exact}/${names.length * HANDWRITING_FONTS.length}`)
    expect(exact).toBeGreaterThanOrEqual(14)
  })
})
