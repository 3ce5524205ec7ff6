import { groupFragments, type Fragment } from '../../../plugins/identification/lib/match/fragments'
import type { MatchStudent } from '../../../plugins/identification/lib/match/types'

const students: MatchStudent[] = [
  { studentKey: 's1', lastName: 'Lefèvre', firstName: 'Amandine' },
  { studentKey: 's2', lastName: 'Okonkwo', firstName: 'Théo' },
  { studentKey: 's3', lastName: 'Nguyen', firstName: 'Bao' },
  { studentKey: 's4', lastName: 'Dupont', firstName: 'Chloé' },
  { studentKey: 's5', lastName: 'Durant', firstName: 'Chloé' },
]

/** A piece of a batch that names `name` (or nobody) the way a clean OCR reading would. */
const piece = ({ key, batch = 'b1', first, last = first, name }: { key: string; batch?: string; first: number; last?: number; name?: [string, string] }): Fragment => ({
  key,
  batch,
  firstPage: first,
  lastPage: last,
  pages: last - first + 1,
  reading: {
    copyKey: key,
    fields: name ? { lastName: [{ text: name[0].toUpperCase(), confidence: 0.95 }], firstName: [{ text: name[1], confidence: 0.95 }] } : {},
  },
})

describe('groupFragments: one student copy cut into pieces', () => {
  it('joins adjacent pieces of a batch that each name the same student, and nothing else', () => {
    const groups = groupFragments({
      students,
      fragments: [
        piece({ key: 'a', first: 1, last: 2, name: ['Lefèvre', 'Amandine'] }),
        piece({ key: 'b', first: 3, last: 4, name: ['Lefèvre', 'Amandine'] }),
        piece({ key: 'c', first: 5, last: 8, name: ['Okonkwo', 'Théo'] }),
        piece({ key: 'd', first: 9, last: 12, name: ['Nguyen', 'Bao'] }),
      ],
    })
    expect(groups).toEqual([['a', 'b']])
  })

  it('leaves apart pieces that are not next to each other in the scan (two copies of one name need a person)', () => {
    const groups = groupFragments({
      students,
      fragments: [
        piece({ key: 'a', first: 1, last: 2, name: ['Lefèvre', 'Amandine'] }),
        piece({ key: 'c', first: 3, last: 6, name: ['Okonkwo', 'Théo'] }),
        piece({ key: 'b', first: 7, last: 8, name: ['Lefèvre', 'Amandine'] }),
      ],
    })
    expect(groups).toEqual([])
  })

  it('never joins a piece that names nobody, nor pieces naming two students whose names are near neighbours', () => {
    const groups = groupFragments({
      students,
      fragments: [
        piece({ key: 'a', first: 1, last: 2, name: ['Lefèvre', 'Amandine'] }),
        piece({ key: 'b', first: 3, last: 4 }),
        piece({ key: 'c', first: 5, last: 6, name: ['Dupont', 'Chloé'] }),
        piece({ key: 'd', first: 7, last: 8, name: ['Durant', 'Chloé'] }),
      ],
    })
    expect(groups).toEqual([])
  })

  it('brings an annex scanned in another batch to the student’s largest piece', () => {
    const groups = groupFragments({
      students,
      fragments: [
        piece({ key: 'annex', batch: 'b2', first: 1, name: ['Okonkwo', 'Théo'] }),
        piece({ key: 'main', batch: 'b1', first: 5, last: 8, name: ['Okonkwo', 'Théo'] }),
        piece({ key: 'other', batch: 'b1', first: 1, last: 4, name: ['Nguyen', 'Bao'] }),
      ],
    })
    expect(groups).toEqual([['main', 'annex']])
  })
})
