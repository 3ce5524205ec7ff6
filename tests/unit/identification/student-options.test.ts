import { studentOptions } from '../../../admin-components/identification-desk/studentOptions'
import type { Desk, DeskCopy } from '../../../admin-components/identification-desk/api'

// The desk's name search: what a secretary types is matched without accents or case, every word counts.
const students = [
  { id: 1, name: 'DA SILVA Inès', takenBy: null },
  { id: 2, name: 'SILVA Zoé', takenBy: 7 },
  { id: 3, name: 'LE GOFF Jean-Baptiste', takenBy: null },
  { id: 4, name: 'ÉLOI Noémie', takenBy: null },
]
const desk = { students } as unknown as Desk
const copy = { candidates: [{ studentId: 3, name: 'LE GOFF Jean-Baptiste', score: 0.8, takenBy: null }] } as unknown as DeskCopy

describe('the desk’s student search', () => {
  it('offers the matcher’s suggestions while nothing is typed', () => {
    expect(studentOptions({ desk, copy, query: '  ' })).toEqual([{ studentId: 3, name: 'LE GOFF Jean-Baptiste', score: 0.8, takenBy: null }])
  })

  it('folds accents and case, needs every word, and puts names starting with the first word first', () => {
    expect(studentOptions({ desk, copy, query: 'eloi' }).map((o) => o.studentId)).toEqual([4])
    expect(studentOptions({ desk, copy, query: 'silva' }).map((o) => o.name)).toEqual(['SILVA Zoé', 'DA SILVA Inès'])
    expect(studentOptions({ desk, copy, query: 'silva ines' }).map((o) => o.studentId)).toEqual([1])
    // a student another copy holds is offered, saying so (taking them is a deliberate second Enter)
    expect(studentOptions({ desk, copy, query: 'zoe' })).toEqual([{ studentId: 2, name: 'SILVA Zoé', takenBy: 7 }])
  })

  it('offers nothing without a desk or a copy', () => {
    expect(studentOptions({ copy, query: 'x' })).toEqual([])
    expect(studentOptions({ desk, query: 'x' })).toEqual([])
  })
})
