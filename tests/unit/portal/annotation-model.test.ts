import {
  boundsOf,
  fitToBox,
  migrateAnnotation,
  SCHEMA_VERSION,
  smoothStroke,
  toStored,
  translate,
  UnsupportedSchemaError,
  type AnnotationShape,
} from '../../../portal/src/annotations/model'

const style = { color: '#000', width: 2, opacity: 1 }

describe('migrateAnnotation', () => {
  it('upgrades a first-cut tick ({x, y}) to a sized mark', () => {
    const shape = migrateAnnotation({ kind: 'tick', page: 1, geometry: { x: 100, y: 200 }, schemaVersion: 1 })
    expect(shape).toEqual({ kind: 'tick', page: 1, geometry: { x: 100, y: 200, size: 24 }, style: { color: '#d32f2f', width: 2, opacity: 1 }, text: '' })
  })

  it('repairs a current record written with holes, the same way for the portal and the PDF renderer', async () => {
    const { normalizeAnnotation } = await import('../../../plugins/publication/lib/normalize')
    const holey = { kind: 'rectangle', page: 0, geometry: { x: 5, width: 'wide' }, style: { color: '#123456' }, schemaVersion: SCHEMA_VERSION }
    expect(migrateAnnotation(holey)).toEqual({ kind: 'rectangle', page: 0, geometry: { x: 5, y: 0, width: 0, height: 0 }, style: { color: '#123456', width: 2, opacity: 1 }, text: '' })
    expect(normalizeAnnotation(holey)).toEqual(migrateAnnotation(holey))
    // What the renderer cannot know it skips, where the portal refuses to draw.
    expect(normalizeAnnotation({ kind: 'laser', page: 0, geometry: {}, schemaVersion: SCHEMA_VERSION })).toBeUndefined()
    expect(normalizeAnnotation({ kind: 'tick', page: 0, geometry: {}, schemaVersion: SCHEMA_VERSION + 1 })).toBeUndefined()
    expect(() => migrateAnnotation({ kind: 'tick', page: 0, geometry: {}, schemaVersion: SCHEMA_VERSION + 1 })).toThrow(UnsupportedSchemaError)
  })

  it('treats a record without a version as v1', () => {
    expect(migrateAnnotation({ kind: 'rectangle', page: 2, geometry: { x: 1, y: 2, w: 3, h: 4 } }).geometry).toEqual({ x: 1, y: 2, width: 3, height: 4 })
  })

  it('flattens v1 stroke points and renames the stroke width', () => {
    const shape = migrateAnnotation({
      kind: 'pen',
      page: 1,
      geometry: { points: [[0, 0], { x: 5, y: 6 }] },
      style: { color: '#00f', strokeWidth: 3 },
      schemaVersion: 1,
    })
    expect(shape.geometry).toEqual({ points: [0, 0, 5, 6] })
    expect(shape.style).toEqual({ color: '#00f', width: 3, opacity: 1 })
  })

  it('leaves a current record as it is and does not mutate its input', () => {
    const stored = { kind: 'text', page: 3, geometry: { x: 1, y: 2, width: 100, fontSize: 12 }, style, text: 'ok', schemaVersion: SCHEMA_VERSION }
    const copy = JSON.parse(JSON.stringify(stored))
    expect(migrateAnnotation(stored)).toEqual({ kind: 'text', page: 3, geometry: stored.geometry, style, text: 'ok' })
    expect(stored).toEqual(copy)
  })

  it('refuses a record from a newer portal', () => {
    expect(() => migrateAnnotation({ kind: 'tick', page: 1, geometry: {}, schemaVersion: SCHEMA_VERSION + 1 })).toThrow(UnsupportedSchemaError)
  })

  it('round-trips through toStored at the current version', () => {
    const shape: AnnotationShape = { kind: 'ellipse', page: 1, geometry: { x: 1, y: 2, width: 3, height: 4 }, style, text: '' }
    const stored = toStored(shape)
    expect(stored.schemaVersion).toBe(SCHEMA_VERSION)
    expect(migrateAnnotation(stored)).toEqual(shape)
  })
})

describe('geometry in page points', () => {
  const pen: AnnotationShape = { kind: 'pen', page: 1, geometry: { points: [10, 10, 30, 20, 20, 40] }, style, text: '' }

  it('measures bounds per kind', () => {
    expect(boundsOf(pen)).toEqual({ x: 10, y: 10, width: 20, height: 30 })
    expect(boundsOf({ kind: 'tick', page: 1, geometry: { x: 50, y: 50, size: 20 }, style, text: '' })).toEqual({ x: 40, y: 40, width: 20, height: 20 })
  })

  it('moves and resizes any shape by mapping its bounds', () => {
    expect(translate(pen, 5, -5).geometry).toEqual({ points: [15, 5, 35, 15, 25, 35] })
    const scaled = fitToBox(pen, boundsOf(pen), { x: 0, y: 0, width: 40, height: 60 })
    expect(scaled.geometry).toEqual({ points: [0, 0, 40, 20, 20, 60] })
    const text: AnnotationShape = { kind: 'text', page: 1, geometry: { x: 0, y: 0, width: 100, fontSize: 10 }, style, text: 'a' }
    const bigger = fitToBox(text, boundsOf(text), { x: 10, y: 10, width: 200, height: 25 })
    expect(bigger.geometry).toEqual({ x: 10, y: 10, width: 200, fontSize: 20 })
  })
})

describe('smoothStroke', () => {
  it('keeps the endpoints and drops samples closer than the minimum distance', () => {
    const out = smoothStroke({ points: [0, 0, 0.2, 0.1, 10, 0, 20, 10, 30, 0], minDistance: 1 })
    expect(out.slice(0, 2)).toEqual([0, 0])
    expect(out.slice(-2)).toEqual([30, 0])
    expect(out.length).toBe(8)
  })

  it('evens out a zigzag', () => {
    const zigzag = [0, 0, 10, 10, 20, 0, 30, 10, 40, 0]
    const out = smoothStroke({ points: zigzag })
    const amplitude = (pts: number[]) => Math.max(...pts.filter((_, i) => i % 2)) - Math.min(...pts.filter((_, i) => i % 2 && i > 1 && i < pts.length - 1))
    expect(amplitude(out)).toBeLessThan(amplitude(zigzag))
  })
})
