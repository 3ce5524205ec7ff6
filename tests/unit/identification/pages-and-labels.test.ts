import { findLabels, locateFields } from '../../../plugins/identification/lib/header/index.js'
import { movePage, PageEditError, reorderPages, rotatePage, splitPages, type CopyPage } from '../../../plugins/identification/lib/pages/index.js'

const page = (sourcePage: number): CopyPage => ({ batch: 1, sourcePage, region: 'full', rotation: 0 })
const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence: 0.9, box: { x0, y0, x1, y1 } })

describe('page edits (pure)', () => {
  test('rotate, reorder, move, split', () => {
    const pages = [page(1), page(2), page(3)]
    expect(rotatePage({ pages, index: 1, by: -90 })[1]!.rotation).toBe(270)
    expect(() => rotatePage({ pages, index: 1, by: 45 })).toThrow(PageEditError)
    expect(reorderPages({ pages, order: [2, 0, 1] }).map((p) => p.sourcePage)).toEqual([3, 1, 2])
    expect(() => reorderPages({ pages, order: [0, 0, 1] })).toThrow(PageEditError)
    const moved = movePage({ from: pages, to: [page(9)], index: 0, position: 0 })
    expect(moved.to.map((p) => p.sourcePage)).toEqual([1, 9])
    expect(moved.from).toHaveLength(2)
    expect(splitPages({ pages, at: 1 }).tail).toHaveLength(2)
    expect(() => splitPages({ pages, at: 0 })).toThrow(PageEditError)
  })
})

describe('locating header fields from printed labels', () => {
  const image = { raw: new Uint8Array(1500 * 300).fill(255), width: 1500, height: 300 }
  test('misread labels still count, and a box to the right stops the field', () => {
    const words = [word('NOM', 40, 60, 110, 82), word(':', 115, 62, 120, 82), word('Note', 1160, 70, 1230, 92), word('Prériom', 40, 126, 160, 148), word('Classe', 40, 192, 140, 214)]
    expect(findLabels(words).map((l) => l.field)).toEqual(['lastName', 'other', 'firstName', 'other'])
    const { fields, source } = locateFields({ image, words })
    expect(source).toBe('labels')
    expect(fields.lastName!.x0).toBeGreaterThan(120)
    expect(fields.lastName!.x1).toBeLessThan(1160)
    // The first-name band stays between the NOM and Classe lines.
    expect(fields.firstName!.y0).toBeGreaterThan(71)
    expect(fields.firstName!.y1).toBeLessThan(203)
  })
  test('"Nom et prénom" is one full-name field; no label at all falls back to the usual layout', () => {
    const words = [word('Nom', 40, 60, 100, 82), word('et', 110, 60, 130, 82), word('prénom', 140, 60, 240, 82)]
    expect(Object.keys(locateFields({ image, words }).fields)).toEqual(['fullName'])
    expect(locateFields({ image, words: [] }).source).toBe('fallback')
  })
})
