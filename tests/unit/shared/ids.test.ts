import { idOf, parseId, sameId } from '../../../shared/ids'

describe('ids, one way for every part (PostgreSQL numbers, MongoDB strings)', () => {
  it('reads a route or job id: digits are a number, other text a MongoDB id, the rest no id', () => {
    expect(parseId('42')).toBe(42)
    expect(parseId(42)).toBe(42)
    expect(parseId('65a1f0c2e4b0a1b2c3d4e5f6')).toBe('65a1f0c2e4b0a1b2c3d4e5f6')
    for (const bad of ['', '  ', undefined, null, 0, -3, 1.5, Number.NaN, {}, [], true]) expect(parseId(bad)).toBeUndefined()
  })

  it('takes the id of a relationship at any depth, and compares ids across types', () => {
    expect(idOf({ id: 7, title: 'x' })).toBe(7)
    expect(idOf(7)).toBe(7)
    expect(idOf(null)).toBeUndefined()
    expect(sameId(7, '7')).toBe(true)
    expect(sameId({ id: 'a' }, 'a')).toBe(true)
    expect(sameId(undefined, undefined)).toBe(false)
  })
})
