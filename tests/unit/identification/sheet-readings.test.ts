import { identifyCopies, type MatchStudent } from '../../../plugins/identification/lib/match/index.js'
import { copyReadingOf, joinedReadings } from '../../../plugins/identification/services/sheetReadings.js'
import type { CopyDoc } from '../../../plugins/identification/services/copies.js'

const read = (text: string) => [{ text, confidence: 0.8 }]
const page = (sourcePage: number, region = 'top') => ({ batch: 7, sourcePage, region, rotation: 0 })
const piece = ({ id, pages, lastName, firstName }: { id: number; pages: ReturnType<typeof page>[]; lastName: string; firstName: string }): CopyDoc => ({
  id,
  anonymousId: `A-${id}`,
  pages,
  identification: { status: 'needs_review', readings: { fields: { lastName: read(lastName), firstName: read(firstName) }, located: 'labels', form: 'subject' } },
})
const students: MatchStudent[] = [
  { studentKey: 'elamrani', lastName: 'EL AMRANI', firstName: 'Timothée' },
  { studentKey: 'durant', lastName: 'DURANT', firstName: 'Zoé' },
  { studentKey: 'benayed', lastName: 'BEN AYED', firstName: 'Noémie' },
]

// EL AMRANI Timothée's copy as ingestion cut it: one sheet a piece, his name on each, the first scrawled.
const head = piece({ id: 1, pages: [page(1), page(2)], lastName: 'I 4URAI]', firstName: 'mernee' })
const second = piece({ id: 2, pages: [page(3), page(4)], lastName: 'CI AUR+IJ', firstName: 'MCTAEY' })
const third = piece({ id: 3, pages: [page(5), page(6)], lastName: 'EL AURAIY', firstName: 'TIMOTUEE' })

describe('a joined copy keeps every sheet’s header (issue 18)', () => {
  it('keeps the head’s reading and each other piece’s, with the page it was read on', () => {
    const readings = joinedReadings({ head, rest: [second, third] })
    expect(readings.fields).toEqual(head.identification.readings.fields)
    expect(readings.sheets!.map((s) => [s.page.sourcePage, s.fields.lastName![0]!.text])).toEqual([
      [3, 'CI AUR+IJ'],
      [5, 'EL AURAIY'],
    ])
    // a copy joined again brings the sheets it had joined before
    const joined = { ...head, pages: [page(1), page(2), page(3), page(4)], identification: { ...head.identification, readings: joinedReadings({ head, rest: [second] }) } }
    expect(joinedReadings({ head: joined, rest: [third] }).sheets!.map((s) => s.page.sourcePage)).toEqual([3, 5])
  })

  it('is named on the sheet its student wrote most clearly, and no longer once that sheet is moved out', () => {
    const copy = { ...head, pages: [head, second, third].flatMap((p) => p.pages), identification: { ...head.identification, readings: joinedReadings({ head, rest: [second, third] }) } }
    expect(identifyCopies({ copies: [copyReadingOf(copy)], students })[0]).toMatchObject({ status: 'identified', studentKey: 'elamrani' })
    // the head alone, as the copy was matched before: left for a person
    expect(identifyCopies({ copies: [copyReadingOf(head)], students })[0]).toMatchObject({ status: 'needs_review', studentKey: null })
    const split = { ...copy, pages: [...head.pages, ...second.pages] }
    expect(copyReadingOf(split).sheets!.map((s) => s.fields.lastName![0]!.text)).toEqual(['CI AUR+IJ'])
    expect(identifyCopies({ copies: [copyReadingOf(split)], students })[0]).toMatchObject({ status: 'needs_review', studentKey: null })
  })

  it('is named on the loose sheet that names the student for sure, the head’s own reading kept as a sheet', () => {
    const annex = piece({ id: 9, pages: [{ batch: 8, sourcePage: 1, region: 'full', rotation: 0 }], lastName: 'BEN AYED', firstName: 'Noémie' })
    const readings = joinedReadings({ head, rest: [annex], namedBy: annex })
    expect(readings).toMatchObject({ fields: annex.identification.readings.fields, namedBy: 'A-9' })
    expect(readings.sheets!.map((s) => s.page)).toEqual([{ batch: '7', sourcePage: 1, region: 'top' }])
  })
})
