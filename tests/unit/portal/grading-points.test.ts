import { commentPoints, formatPoints, halfPoints, parsePoints, stepPoints } from '../../../portal/src/grading/points'

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

describe('points of a saved comment (issue 15, point 4)', () => {
  it('deducts negative points from what the question has, never below 0', () => {
    expect(commentPoints(q(4, 0.5), 3, -0.5)).toBe(2.5)
    expect(commentPoints(q(4, 0.5), 0.25, -0.5)).toBe(0)
    expect(commentPoints(q(4, 0.5), 0, -1)).toBe(0)
  })

  it('deducts from full marks on a question not marked yet', () => {
    expect(commentPoints(q(4, 0.5), undefined, -0.5)).toBe(3.5)
  })

  it('keeps the result on the step, rounding a deduction down', () => {
    expect(commentPoints(q(5, 1), 4, -0.5)).toBe(3)
    expect(commentPoints(q(2, 0.25), 2, -0.25)).toBe(1.75)
  })

  it('gives positive points as the question’s points, capped at the maximum', () => {
    expect(commentPoints(q(5, 0.25), 1, 1.5)).toBe(1.5)
    expect(commentPoints(q(4, 0.5), 2, 6)).toBe(4)
  })
})
