import { bookletSides, partnerPage } from '../../../../plugins/scan-pipeline/lib/qr/imposition.js'
import { codeChecksum, decodeBookletCode, encodeBookletCode, BookletCodeError } from '../../../../plugins/scan-pipeline/lib/qr/payload.js'
import { uprightRotation } from '../../../../plugins/scan-pipeline/lib/qr/readCodes.js'

describe('booklet codes', () => {
  it('round-trips numeric and MongoDB ids, with a checksum', () => {
    expect(encodeBookletCode({ examId: 42, copyNo: 7, pageNo: 2, pageCount: 4 })).toBe(`KG1:42:7:2/4:${codeChecksum('KG1:42:7:2/4')}`)
    for (const examId of [42, '65a1b2c3d4e5f6a7b8c9d0e1']) {
      const text = encodeBookletCode({ examId, copyNo: 30, pageNo: 4, pageCount: 4 })
      expect(decodeBookletCode(text)).toEqual({ examId: String(examId), copyNo: 30, pageNo: 4, pageCount: 4 })
    }
  })

  it('refuses damaged, foreign and unversioned texts', () => {
    const text = encodeBookletCode({ examId: 42, copyNo: 7, pageNo: 2, pageCount: 4 })
    expect(decodeBookletCode(text.replace(':7:', ':8:'))).toBeUndefined()
    expect(decodeBookletCode(text.replace('KG1', 'KG2'))).toBeUndefined()
    expect(decodeBookletCode('https://example.org')).toBeUndefined()
    expect(decodeBookletCode(`KG1:42:7:5/4:${codeChecksum('KG1:42:7:5/4')}`)).toBeUndefined()
  })

  it('says why a code cannot be made', () => {
    expect(() => encodeBookletCode({ examId: 'a:b', copyNo: 1, pageNo: 1, pageCount: 1 })).toThrow(BookletCodeError)
    expect(() => encodeBookletCode({ examId: 1, copyNo: 0, pageNo: 1, pageCount: 1 })).toThrow(/copy number must be a positive integer/)
    expect(() => encodeBookletCode({ examId: 1, copyNo: 1, pageNo: 3, pageCount: 2 })).toThrow(/past the booklet's 2 pages/)
  })

  it('imposes A3 booklets for folding, and finds a page’s partner on its side', () => {
    expect(bookletSides(4)).toEqual([{ left: 4, right: 1 }, { left: 2, right: 3 }])
    expect(bookletSides(8)).toEqual([{ left: 8, right: 1 }, { left: 2, right: 7 }, { left: 6, right: 3 }, { left: 4, right: 5 }])
    expect(bookletSides(2)).toEqual(bookletSides(4))
    expect(partnerPage(1, 8)).toBe(8)
    expect(partnerPage(5, 8)).toBe(4)
  })

  it('turns a code’s corners into the rotation that makes its page upright', () => {
    const corners = (tl: [number, number], tr: [number, number]) => ({ topLeft: { x: tl[0], y: tl[1] }, topRight: { x: tr[0], y: tr[1] } })
    expect(uprightRotation(corners([0, 0], [10, 1]))).toBe(0)
    // the code's top edge runs downwards: the page was turned a quarter clockwise, a quarter back is 270
    expect(uprightRotation(corners([10, 0], [10, 10]))).toBe(270)
    expect(uprightRotation(corners([10, 10], [0, 9]))).toBe(180)
    expect(uprightRotation(corners([0, 10], [0, 0]))).toBe(90)
  })
})
