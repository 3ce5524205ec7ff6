import { classifyLabel, labelsOf, type Word } from '../../../plugins/identification/lib/fields/index'

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
})
