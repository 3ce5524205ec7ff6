import { annotationProblems } from '../../../shared/annotations'

const style = { color: '#d32f2f', width: 2, opacity: 1 }

describe('the shared annotation model, as the server checks what clients write', () => {
  it('accepts each kind in the current schema', () => {
    for (const record of [
      { kind: 'pen', geometry: { points: [10, 10, 20, 25, 30, 28] }, style },
      { kind: 'rectangle', geometry: { x: 10, y: 10, width: 100, height: 40 }, style },
      { kind: 'tick', geometry: { x: 100, y: 100, size: 26 }, style },
      { kind: 'comment', geometry: { x: 40, y: 60, width: 220, fontSize: 14 }, text: 'Très bien rédigé', style },
    ])
      expect(annotationProblems({ ...record, schemaVersion: 2 })).toEqual([])
  })

  it('names every wrong field: unknown kind, a geometry of another kind, NaN-like values, a bad colour, an old schema', () => {
    expect(annotationProblems({ kind: 'laser', geometry: {}, schemaVersion: 2 })).toEqual([expect.stringMatching(/^kind: "laser" is not one of pen, /)])
    expect(annotationProblems({ kind: 'tick', geometry: { points: [1, 2], size: 'big' }, schemaVersion: 2 })).toEqual([
      expect.stringMatching(/^geometry\.x: /),
      expect.stringMatching(/^geometry\.y: /),
      expect.stringMatching(/^geometry\.size: /),
    ])
    // a size left out takes the model's default
    expect(annotationProblems({ kind: 'tick', geometry: { x: 3, y: 4 } })).toEqual([])
    expect(annotationProblems({ kind: 'pen', geometry: { points: [1, 2, 3] } })).toEqual([expect.stringMatching(/^geometry\.points: expected x, y pairs/)])
    expect(annotationProblems({ kind: 'pen', geometry: { points: [1, 2, 3, '4'] } })).toEqual([expect.stringMatching(/^geometry\.points: every value/)])
    expect(annotationProblems({ kind: 'rectangle', geometry: { x: 1e9, y: 0, width: -5, height: 10 } })).toEqual([expect.stringMatching(/^geometry\.x: /), expect.stringMatching(/^geometry\.width: /)])
    expect(annotationProblems({ kind: 'tick', geometry: { x: 1, y: 1, size: 20 }, style: { color: 'red', opacity: 3 } })).toEqual([
      expect.stringMatching(/^style\.color: expected #rgb or #rrggbb/),
      expect.stringMatching(/^style\.opacity: /),
    ])
    expect(annotationProblems({ kind: 'tick', geometry: { x: 1, y: 1, size: 20 }, schemaVersion: 1 })).toEqual([expect.stringMatching(/^schemaVersion: 1 is not the current 2/)])
    expect(annotationProblems({ kind: 'text', geometry: [], text: 'x' })).toEqual(['geometry: expected an object'])
  })
})
