import { assignStrokes, type FormLabel } from '../../../plugins/identification/lib/fields/index'

// A form learned from scans has its labels read by OCR, whose boxes on shaded print come out tall: on the
// official sheet NOM DE FAMILLE's box reached down to the PRÉNOM row and PRÉNOM(S)'s to the candidate
// number's, and each row's letters went to the label of the row above (the first name read as the last name).
const label = (kind: FormLabel['kind'], text: string, x0: number, y0: number, x1: number, y1: number): FormLabel => ({ kind, text, x0, y0, x1, y1 })
const labels = [
  label('lastName', 'NOM DE FAMILLE', 196, 72, 329, 103),
  label('firstName', 'PRÉNOM(S)', 194, 125, 284, 159),
  label('candidateNumber', 'N° candidat', 192, 178, 281, 199),
]
/** One letter per cell, 26 units apart from the row's first cell on, as the official sheet's grid places them. */
const row = (y0: number, y1: number, letters: number) => Array.from({ length: letters }, (_, i) => ({ x0: 366 + 26 * i, y0, x1: 384 + 26 * i, y1, pixels: 60 }))

describe('writing given to the label of its row', () => {
  it('gives each row of letter cells to the label level with it, whatever the height of the boxes', () => {
    const rows = { lastName: row(74, 100, 7), firstName: row(124, 152, 13), candidateNumber: row(172, 200, 10) }
    const found = assignStrokes({ strokes: [...rows.lastName, ...rows.firstName, ...rows.candidateNumber], labels, page: { width: 1240, height: 1754 } })
    const count = Object.fromEntries(found.map((f) => [f.kind, f.strokes.length]))
    expect(count).toEqual({ lastName: 7, firstName: 13, candidateNumber: 10 })
  })

  it('still gives a one-line form’s answer to its label when the writing rises above the print', () => {
    const oneLine = [label('fullName', 'Nom et prénom :', 40, 200, 160, 214), label('className', 'Classe :', 40, 240, 100, 254)]
    const name = Array.from({ length: 8 }, (_, i) => ({ x0: 175 + 30 * i, y0: 188, x1: 200 + 30 * i, y1: 214, pixels: 80 }))
    const found = assignStrokes({ strokes: name, labels: oneLine, page: { width: 1240, height: 1754 } })
    expect(found.find((f) => f.kind === 'fullName')!.strokes).toHaveLength(8)
  })

  it('gives the far end of a row to its own short label, not to a taller label of the row above', () => {
    // A right-hand header read from the scan: "First name." came out 31 px tall (its dotted line), "Class:" 16 px.
    // The class written on its line ("1ERE STMG 1") ran right, past the end of "First name.": its last letters
    // went to the first name, read "ERESTMG" instead of "TOM".
    const header = [label('lastName', 'Surname:', 686, 75, 767, 92), label('firstName', 'First name.', 682, 125, 786, 156), label('className', 'Class:', 686, 184, 740, 200)]
    const word = (x0: number, y0: number, letters: number) => Array.from({ length: letters }, (_, i) => ({ x0: x0 + 18 * i, y0, x1: x0 + 14 + 18 * i, y1: y0 + 26, pixels: 70 }))
    const strokes = { lastName: word(804, 68, 6), firstName: word(850, 120, 3), className: word(780, 168, 8) }
    const found = assignStrokes({ strokes: [...strokes.lastName, ...strokes.firstName, ...strokes.className], labels: header, page: { width: 1240, height: 1754 } })
    expect(Object.fromEntries(found.map((f) => [f.kind, f.strokes.length]))).toEqual({ lastName: 6, firstName: 3, className: 8 })
  })
})
