import { formatPoints, halfPoints, parsePoints, stepPoints } from '../../../portal/src/grading/points'

const q = (maxPoints: number, step: number) => ({ key: 'Q', maxPoints, step })

describe('quick points', () => {
  it('gives half marks on the step, rounded down', () => {
    expect(halfPoints(q(5, 1))).toBe(2)
    expect(halfPoints(q(5, 0.5))).toBe(2.5)
    expect(halfPoints(q(3, 0.25))).toBe(1.5)
    expect(halfPoints(q(1, 0.75))).toBe(0)
  })

  it('steps up and down inside 0 … max', () => {
    expect(stepPoints(q(2, 0.25), undefined, 1)).toBe(0.25)
    expect(stepPoints(q(2, 0.25), 2, 1)).toBe(2)
    expect(stepPoints(q(2, 0.25), 0, -1)).toBe(0)
    expect(stepPoints(q(1, 0.1), 0.2, 1)).toBe(0.3)
  })
})

describe('typed points', () => {
  it('reads French and English decimals and refuses the rest', () => {
    expect(parsePoints('2,5')).toBe(2.5)
    expect(parsePoints(' 3.75 ')).toBe(3.75)
    expect(parsePoints('')).toBeUndefined()
    expect(parsePoints('deux')).toBeUndefined()
  })

  it('writes points the way each language does', () => {
    expect(formatPoints(2.5, 'fr')).toBe('2,5')
    expect(formatPoints(2.5, 'en')).toBe('2.5')
    expect(formatPoints(undefined, 'fr')).toBe('')
  })
})
