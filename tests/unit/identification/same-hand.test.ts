import { groupFragments, type Fragment } from '../../../plugins/identification/lib/match/fragments.js'
import { sameHand } from '../../../plugins/identification/lib/match/sameHand.js'
import type { CopyReading, MatchStudent } from '../../../plugins/identification/lib/match/index.js'
import { readField } from '../../../plugins/identification/lib/ocr/index.js'
import { useOcrEngines } from './helpers/engines.js'
import { HANDWRITING_FONTS, renderField } from './helpers/fieldImage.js'

// Needs the Debian fonts in .ci/apt-packages.txt and the npm models.
const engines = useOcrEngines()

// Close names on purpose: one letter or two apart, the same first name, a compound.
const CLASS = [
  ['DUPONT', 'Chloé'],
  ['DURANT', 'Chloé'],
  ['DUPONT', 'Zoé'],
  ['EL AMRANI', 'Timothée'],
  ['MARTIN', 'Lucas'],
  ['MARTINS', 'Lucas'],
  ['LEBRETON-VIDAL', 'Anne-Sophie'],
] as const

/** A student's header as read, written once "as on the first sheet" and once "as on the next" (another size, slant and ruling). */
const headerOf = async ({ font, name, second }: { font: string; name: readonly [string, string]; second: boolean }): Promise<CopyReading> => {
  const lattices: CopyReading['lattices'] = {}
  for (const [field, text] of [['lastName', name[0]], ['firstName', name[1]]] as const) {
    const image = await renderField({ text, font, fontSize: second ? 36 : 40, slant: second ? 6 : 0, ruling: second ? 'dotted' : 'solid' })
    lattices[field] = (await readField({ image, engines: [engines.paddle] })).lattice
  }
  return { copyKey: `${name.join(' ')}${second ? ' (2)' : ''}`, fields: {}, lattices }
}

describe('two headers in the same hand say the same name', () => {
  test.each(HANDWRITING_FONTS)('in %s: each student’s two sheets agree, no two students do, close names included', async (font) => {
    const firsts = await Promise.all(CLASS.map((name) => headerOf({ font, name, second: false })))
    const seconds = await Promise.all(CLASS.map((name) => headerOf({ font, name, second: true })))
    const agreeing = CLASS.filter((_, i) => sameHand({ a: firsts[i]!, b: seconds[i]! })).length
    const confused: string[] = []
    for (const [i, a] of firsts.entries())
      for (const [j, b] of [...firsts, ...seconds].entries()) if (j % CLASS.length !== i && sameHand({ a, b })) confused.push(`${a.copyKey} ~ ${b.copyKey}`)
    expect(confused).toEqual([])
    expect(agreeing).toBeGreaterThanOrEqual(CLASS.length - 1)
  }, 120_000)

  test('empty or one-mark fields say nothing', async () => {
    const blank = await headerOf({ font: 'Humor Sans', name: ['', ''], second: false })
    const written = await headerOf({ font: 'Humor Sans', name: ['DUPONT', 'Chloé'], second: false })
    expect(sameHand({ a: blank, b: blank })).toBe(false)
    expect(sameHand({ a: blank, b: written })).toBe(false)
    expect(sameHand({ a: { copyKey: 'x', fields: {} }, b: written })).toBe(false)
  }, 60_000)
})

describe('sheets in a row whose headers the class list cannot name', () => {
  // The class list lacks the students who wrote these sheets (a late enrolment, a list not updated): nothing
  // names them, only their headers agree or not.
  const roster: MatchStudent[] = CLASS.filter(([last]) => !['MARTIN', 'EL AMRANI'].includes(last)).map(([lastName, firstName], i) => ({ studentKey: `s${i}`, lastName, firstName }))

  test.each(HANDWRITING_FONTS)('in %s: three sheets of one student are one copy for a person to name; MARTIN and MARTINS Lucas stay apart', async (font) => {
    const sheet = async (key: string, name: readonly [string, string], page: number, second: boolean): Promise<Fragment> => ({
      key,
      batch: 'b1',
      firstPage: page,
      lastPage: page + 1,
      pages: 4,
      reading: { ...(await headerOf({ font, name, second })), copyKey: key },
    })
    const timothee = ['EL AMRANI', 'Timothée'] as const
    const groups = groupFragments({
      students: [...roster, { studentKey: 'martins', lastName: 'MARTINS', firstName: 'Lucas' }],
      fragments: [
        await sheet('t1', timothee, 1, false),
        await sheet('t2', timothee, 3, true),
        await sheet('t3', timothee, 5, false),
        await sheet('martin', ['MARTIN', 'Lucas'], 7, false),
        await sheet('martins', ['MARTINS', 'Lucas'], 9, true),
      ],
    })
    expect(groups).toEqual([{ pieces: ['t1', 't2', 't3'], byHand: true }])
  }, 120_000)
})
