import { classifyLabel, labelsOf, oneLabelPerName, type Word } from '../../../plugins/identification/lib/fields/index'

/** Words laid out on one line from x, each 10 units a character plus a space. */
const line = (y: number, x: number, text: string, height = 12): Word[] => {
  const words: Word[] = []
  for (const part of text.split(' ')) {
    words.push({ text: part, x0: x, y0: y, x1: x + part.length * 7, y1: y + height })
    x += part.length * 7 + 5
  }
  return words
}

describe('printed labels of a blank form', () => {
  it('finds NOM DE FAMILLE behind the print packed before it on its line (the official exam sheet)', () => {
    const words = [...line(77, 83, 'RÉPUBLIQUE NOM DE FAMILLE'), ...line(96, 83, 'FRANÇAISE (naissance) en majuscules', 8), ...line(127, 192, 'PRÉNOM(S)'), ...line(227, 192, 'Né(e) le :')]
    const labels = labelsOf(words)
    expect(labels.map((l) => [l.kind, l.text])).toEqual([
      ['lastName', 'NOM DE FAMILLE'],
      ['firstName', 'PRÉNOM(S)'],
      ['birthDate', 'Né(e) le :'],
    ])
    // the label's box starts at NOM, not at the print before it
    const nom = words.find((w) => w.text === 'NOM')!
    expect(labels[0]!.x0).toBe(nom.x0)
  })

  it('ends a label where cells read as one tall word begin, however close (a form learned from scans)', () => {
    // OCR of a learned official sheet: PRÉNOM(S), then its row of cells read as "(EJEJAMIBIA" 51 units tall,
    // 76 units further right — closer than two of the tall word's heights, far more than two of the label's.
    const words: Word[] = [
      { text: 'PRÉNOM(S)', x0: 194, y0: 123, x1: 284, y1: 140 },
      { text: '(EJEJAMIBIA', x0: 360, y0: 117, x1: 541, y1: 168 },
      { text: 'TPS', x0: 551, y0: 121, x1: 648, y1: 153 },
    ]
    expect(labelsOf(words).map((l) => [l.kind, l.text, l.x1])).toEqual([['firstName', 'PRÉNOM(S)', 284]])
  })

  it('tells a birth name from a birth date', () => {
    expect(classifyLabel('Nom de naissance')).toBe('lastName')
    expect(classifyLabel('NOM DE FAMILLE (naissance)')).toBe('lastName')
    expect(classifyLabel('Date de naissance')).toBe('birthDate')
    expect(classifyLabel('Naissance :')).toBe('birthDate')
    expect(classifyLabel('(naissance) en majuscules')).toBeUndefined()
  })

  it('takes no label out of a sentence', () => {
    expect(labelsOf(line(300, 40, 'Exercice 1 : on classe les nombres suivants'))).toEqual([])
    expect(labelsOf(line(300, 40, 'Dans cet exercice Classe les nombres suivants du plus petit au plus grand'))).toEqual([])
  })

  // A form learned from two-column A3 pages (--seed 12): capitals every page has on one ruled line mid-page read
  // "NOM E", a second family-name label, and the name was read from the answer written under it (60 % named).
  it('keeps one label per name field: the one that stands with the other identity labels', () => {
    const words = [...line(134, 82, 'Nom :'), ...line(134, 668, 'Classe :'), ...line(188, 82, 'Prénom :'), ...line(188, 669, 'Date :'), ...line(657, 398, 'NOM E')]
    const labels = oneLabelPerName(labelsOf(words))
    expect(labels.map((l) => [l.kind, l.y0])).toEqual([
      ['lastName', 134],
      ['className', 134],
      ['firstName', 188],
      ['other', 188],
    ])
    // alone, the uppermost; other identity fields may come twice (the official sheet's two candidate numbers)
    expect(oneLabelPerName(labelsOf([...line(900, 40, 'Nom :'), ...line(60, 40, 'Nom :')])).map((l) => l.y0)).toEqual([60])
    const numbers = labelsOf([...line(177, 40, 'N° candidat :'), ...line(177, 400, "N° d'inscription :"), ...line(77, 40, 'NOM DE FAMILLE')])
    expect(oneLabelPerName(numbers).filter((l) => l.kind === 'candidateNumber')).toHaveLength(2)
  })
})
