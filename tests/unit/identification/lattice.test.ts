import { BLANK, CLASS_COUNT, OTHER, SEPARATOR, bestPathLogLikelihood, classesOfText, ctcLeadingLogLikelihood, ctcLogLikelihood, ctcLogLikelihoodsAfter, decodeLattice, encodeLattice, type Lattice } from '../../../plugins/identification/lib/lattice/index.js'
import { identifyCopies, type MatchStudent } from '../../../plugins/identification/lib/match/index.js'
import { lexiconScores, prepareLexiconStudent } from '../../../plugins/identification/lib/match/lexicon.js'

/**
 * A synthetic recogniser output: each written character gets two frames (its class with
 * probability `sure`, the rest spread over `confusedWith` or evenly), separated by a blank frame.
 */
const latticeOf = (text: string, { sure = 0.98, confusions = {} as Record<number, string> } = {}): Lattice => {
  const frames: number[][] = []
  const frame = (main: number, alt?: number) => {
    const row = new Array(CLASS_COUNT).fill((1 - sure) / (CLASS_COUNT - 1))
    if (alt !== undefined) {
      row.fill(0.002)
      row[alt] = 1 - sure - 0.002 * (CLASS_COUNT - 2)
    }
    row[main] = sure
    frames.push(row)
  }
  frame(BLANK)
  ;[...text].forEach((ch, i) => {
    const cls = ch === ' ' ? SEPARATOR : ch === '&' ? OTHER : classesOfText(ch)[0]!
    const alt = confusions[i] ? classesOfText(confusions[i]!)[0] : undefined
    frame(cls, alt)
    frame(cls, alt)
    frame(BLANK)
  })
  return encodeLattice({ probs: frames.flat(), frames: frames.length, columns: CLASS_COUNT, classOfColumn: Array.from({ length: CLASS_COUNT }, (_, k) => k) })
}

const decoded = (lattice: Lattice) => ({ logp: decodeLattice(lattice), frames: lattice.frames })

describe('lattices: CTC scoring of names', () => {
  test('encoding keeps probabilities to a sixteenth of a nat', () => {
    const lattice = latticeOf('ab')
    const { logp } = decoded(lattice)
    expect(logp[1 * CLASS_COUNT + classesOfText('a')[0]!]).toBeCloseTo(Math.log(0.98), 1)
    expect(() => decodeLattice({ ...lattice, frames: lattice.frames + 1 })).toThrow(RangeError)
  })

  test('the written name is far more likely than a near-duplicate, in either case and with or without accents', () => {
    const field = decoded(latticeOf('MARTIN'))
    const martin = ctcLogLikelihood({ ...field, target: classesOfText('Martin') })
    const martins = ctcLogLikelihood({ ...field, target: classesOfText('martins') })
    expect(martin).toBeGreaterThan(martins + 5)
    expect(martin).toBeGreaterThan(bestPathLogLikelihood(field) - 2)
    const accents = decoded(latticeOf('LEFEVRE'))
    expect(ctcLogLikelihood({ ...accents, target: classesOfText('Lefèvre') })).toBeCloseTo(ctcLogLikelihood({ ...accents, target: classesOfText('lefevre') }), 6)
  })

  test('written separators cost nothing, a double letter needs its blank, a name longer than the field is impossible', () => {
    const field = decoded(latticeOf('jean pierre'))
    expect(ctcLogLikelihood({ ...field, target: classesOfText('jeanpierre') })).toBeGreaterThan(bestPathLogLikelihood(field) - 2)
    expect(ctcLogLikelihood({ ...decoded(latticeOf('ab')), target: classesOfText('abcdefgh') })).toBe(-Infinity)
    const anna = decoded(latticeOf('ana'))
    expect(ctcLogLikelihood({ ...anna, target: classesOfText('anna') })).toBeLessThan(ctcLogLikelihood({ ...anna, target: classesOfText('ana') }) - 3)
  })
})

const roster: MatchStudent[] = [
  ['MARTIN', 'Lucas'], ['MARTINS', 'Lucas'], ['DUBOIS', 'Hugo'], ['DUBOIS', 'Hugues'], ['BERNARD', 'Emma'], ['BERNARD', 'Emmy'], ['PETIT', 'Gabriel'], ['ROUX', 'Louise'],
].map(([lastName, firstName], i) => ({ studentKey: `s${i}`, lastName: lastName!, firstName: firstName! }))
const lexicon = roster.map(prepareLexiconStudent)
const scoresFor = (lattices: Record<string, Lattice>) => lexiconScores({ reading: { fields: {}, lattices }, students: lexicon })

describe('lexicon scores: roster names against a copy', () => {
  test('a misread letter still names the right student, well ahead of the near-duplicates', () => {
    // "P&TIT" / "Gabr iel": the free reading is wrong, the roster name is not.
    const result = scoresFor({ lastName: latticeOf('P&TIT', { sure: 0.6, confusions: { 1: 'e' } }), firstName: latticeOf('Gabr iel') })!
    const order = result.scores.map((s, j) => [s, j] as const).sort((a, b) => b[0] - a[0])
    expect(roster[order[0]![1]]!.lastName).toBe('PETIT')
    expect(order[0]![0] - order[1]![0]).toBeGreaterThan(0.3)
  })

  test('siblings and near-duplicates are separated by the letters that differ', () => {
    const hugo = scoresFor({ lastName: latticeOf('DUBOIS'), firstName: latticeOf('Hugo') })!
    expect(hugo.scores[2]!).toBeGreaterThan(hugo.scores[3]! + 0.1)
    const emma = scoresFor({ lastName: latticeOf('BERNARD'), firstName: latticeOf('Emma') })!
    expect(emma.scores[4]!).toBeGreaterThan(emma.scores[5]! + 0.1)
  })

  test('names written in each other\'s box still match', () => {
    const swapped = scoresFor({ lastName: latticeOf('Louise'), firstName: latticeOf('ROUX') })!
    expect(Math.max(...swapped.scores)).toBe(swapped.scores[7])
  })

  test('a first name alone is weak evidence, marked partial', () => {
    const alone = scoresFor({ firstName: latticeOf('Gabriel') })!
    expect(alone.scores[6]!).toBeLessThan(0.7)
    expect(alone.partial[6]).toBe(true)
  })

  test('a clearly written name that is not on the roster gives no lattice verdict', () => {
    expect(scoresFor({ lastName: latticeOf('NGUYEN'), firstName: latticeOf('Maelys') })).toBeNull()
  })

  test('identifyCopies: the lattice names the copies the strings cannot separate, and never a near-duplicate', () => {
    const results = identifyCopies({
      students: roster,
      copies: [
        // The strings alone: "MARTIN" is 6/7 of "MARTINS" — too close to call.
        { copyKey: 'martin', fields: { lastName: [{ text: 'MARTIN', confidence: 0.9 }], firstName: [{ text: 'LUCAS', confidence: 0.9 }] }, lattices: { lastName: latticeOf('MARTIN'), firstName: latticeOf('LUCAS') } },
        { copyKey: 'petit', fields: { lastName: [{ text: 'P&TIT', confidence: 0.5 }], firstName: [{ text: 'Gabr iel', confidence: 0.5 }] }, lattices: { lastName: latticeOf('P&TIT', { sure: 0.6, confusions: { 1: 'e' } }), firstName: latticeOf('Gabr iel') } },
        { copyKey: 'unnamed', fields: {} },
      ],
    })
    expect(results.map((r) => [r.copyKey, r.status, r.studentKey])).toEqual([
      ['martin', 'identified', 's0'],
      ['petit', 'identified', 's6'],
      ['unnamed', 'needs_review', null],
    ])
    // Without lattices the same strings leave Martin for review: the channel is what made the difference.
    const stringsOnly = identifyCopies({ students: roster, copies: [{ copyKey: 'martin', fields: { lastName: [{ text: 'MARTIN', confidence: 0.9 }], firstName: [{ text: 'LUCAS', confidence: 0.9 }] } }] })
    expect(stringsOnly[0]!.status).toBe('needs_review')
  })

  test('a lattice the strings read nothing like never names a copy alone: it ranks the suggestion, a person decides', () => {
    // The frames fit ROUX Louise, the strings read ink that is nothing like it (an unsure recogniser, a field read
    // on the wrong line): one such copy was named COSTA Emma, written by O'NEILL Éloïse.
    const lattices = { lastName: latticeOf('ROUX', { sure: 0.6 }), firstName: latticeOf('Louise', { sure: 0.6 }) }
    const garbage = { lastName: [{ text: 'Sos..r', confidence: 0.36 }], firstName: [{ text: 'nnn', confidence: 0.36 }] }
    const [unsupported] = identifyCopies({ students: roster, copies: [{ copyKey: 'c', fields: garbage, lattices }] })
    expect([unsupported!.status, unsupported!.candidates[0]!.studentKey]).toEqual(['needs_review', 's7'])
    // The same frames with a reading that looks like the name, however bent: named.
    const [supported] = identifyCopies({ students: roster, copies: [{ copyKey: 'c', fields: { lastName: [{ text: 'R0UK', confidence: 0.5 }], firstName: [{ text: 'Lowise', confidence: 0.5 }] }, lattices }] })
    expect([supported!.status, supported!.studentKey]).toEqual(['identified', 's7'])
  })

  test('a lattice never names a student the strings read far worse than another: a person decides', () => {
    // The frames fit ROUX Louise; the strings read BERNARD for the last name (0.52 for BERNARD Emma, 0.37 for ROUX
    // Louise: enough support for the lattice before). Once named ROUX Louise automatically: on the official
    // sheet without its subject, MATHIEU Alice was named for a copy read "FAMILLE OL EBRETON-VIDAL" (strings
    // 0.42 for her, 0.62 for LEBRETON-VIDAL Jules), the lattice finding her name in the label's print.
    const lattices = { lastName: latticeOf('ROUX', { sure: 0.6 }), firstName: latticeOf('Louise', { sure: 0.6 }) }
    const fields = { lastName: [{ text: 'BERNARD', confidence: 0.8 }], firstName: [{ text: 'Loui', confidence: 0.8 }] }
    const [result] = identifyCopies({ students: roster, copies: [{ copyKey: 'c', fields, lattices }] })
    expect([result!.status, result!.candidates[0]!.studentKey]).toEqual(['needs_review', 's7'])
  })

  test('a "Nom et prénom" line that goes on after the name still fits the name, and only a name followed by a break', () => {
    // "DUBOIS Hugo né le 12/03" on the one line: the whole line fits no roster name
    const line = decoded(latticeOf('DUBOIS Hugo ne le 12 03'))
    const hugo = classesOfText('duboishugo')
    expect(ctcLeadingLogLikelihood({ ...line, target: hugo }) - ctcLogLikelihood({ ...line, target: hugo })).toBeGreaterThan(50)
    const scores = scoresFor({ fullName: latticeOf('DUBOIS Hugo ne le 12 03') })!
    const order = scores.scores.map((x, j) => [x, j] as const).sort((a, b) => b[0] - a[0])
    expect(order[0]![1]).toBe(2)
    expect(order[0]![0] - order[1]![0]).toBeGreaterThan(0.3)
    // MARTIN does not fit the start of a written MARTINS: no break after its N
    const martins = decoded(latticeOf('MARTINS Lucas ne le'))
    expect(ctcLeadingLogLikelihood({ ...martins, target: classesOfText('martinslucas') })).toBeGreaterThan(ctcLeadingLogLikelihood({ ...martins, target: classesOfText('martinlucas') }) + 10)
    // a last name's crop that caught more after a break: MARTIN, not MARTINS (whose "s" took the stray letters)
    const caught = scoresFor({ lastName: latticeOf('MARTIN oik'), firstName: latticeOf('Lucas') })!
    expect(caught.scores[0]!).toBeGreaterThan(caught.scores[1]! + 0.1)
    // without a break the name pays for ending early: the letters there are not a separator
    const joined = decoded(latticeOf('DUBOISHUGO'))
    expect(ctcLeadingLogLikelihood({ ...joined, target: classesOfText('dubois') })).toBeLessThan(ctcLogLikelihood({ ...joined, target: hugo }) - 5)
  })

  test('a damaged stored lattice is ignored, not fatal', () => {
    expect(scoresFor({ lastName: { frames: 3, classes: CLASS_COUNT, data: 'AAAA' } })).toBeNull()
  })
})

describe('lattices: many targets sharing a prefix', () => {
  /** A field of random frames (a seeded generator: the same every run), as decodeLattice gives them. */
  const randomField = ({ frames, seed }: { frames: number; seed: number }) => {
    let state = seed
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const logp = new Float64Array(frames * CLASS_COUNT)
    for (let t = 0; t < frames; t++) {
      const row = Array.from({ length: CLASS_COUNT }, () => next() ** 4)
      const sum = row.reduce((a, b) => a + b, 0)
      row.forEach((p, k) => (logp[t * CLASS_COUNT + k] = Math.log(p / sum)))
    }
    return { logp, frames }
  }

  test('each prefix + suffix scores exactly as the whole target does, bit for bit', () => {
    const digits = (text: string) => classesOfText(text)
    const suffixes = ['2', '9', '08', '12', '60', '11', '1', '0000'].map(digits)
    let compared = 0
    for (const frames of [0, 1, 2, 3, 5, 8, 13, 24]) {
      const field = randomField({ frames, seed: frames * 7919 })
      for (const prefix of ['1', '01', '3', '11', '60', '007'].map(digits)) {
        const shared = ctcLogLikelihoodsAfter({ ...field, prefix, suffixes })
        suffixes.forEach((suffix, i) => {
          expect(shared[i]).toBe(ctcLogLikelihood({ ...field, target: [...prefix, ...suffix] }))
          compared++
        })
      }
    }
    expect(compared).toBe(8 * 6 * 8)
  })

  test('a field that writes the target scores it far above its neighbours', () => {
    const field = decoded(latticeOf('0308'))
    const [right, wrong] = ctcLogLikelihoodsAfter({ ...field, prefix: classesOfText('03'), suffixes: [classesOfText('08'), classesOfText('09')] })
    expect(right!).toBeGreaterThan(-1)
    expect(wrong!).toBeLessThan(right! - 5)
  })
})
