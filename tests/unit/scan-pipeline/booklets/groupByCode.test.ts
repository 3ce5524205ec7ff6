import { groupByCode } from '../../../../plugins/scan-pipeline/lib/qr/groupByCode.js'
import { mainExamOf, planWithCodes } from '../../../../plugins/scan-pipeline/lib/qr/planWithCodes.js'
import { encodeBookletCode } from '../../../../plugins/scan-pipeline/lib/qr/payload.js'
import type { PageAnalysis, PageCode, Rotation } from '../../../../plugins/scan-pipeline/lib/types.js'

const A4 = { width: 595, height: 842 }
const A3 = { width: 1191, height: 842 }
const code = (examId: string | number, copyNo: number, pageNo: number, pageCount: number, rotation: Rotation = 0, center = { x: 0.9, y: 0.06 }): PageCode => ({
  text: encodeBookletCode({ examId, copyNo, pageNo, pageCount }),
  rotation,
  center,
})
const page = (sourcePage: number, codes: PageCode[], size = A4): PageAnalysis => ({
  sourcePage,
  ...size,
  storedRotate: 0,
  layout: size === A3 ? 'spread' : 'single',
  regions: [{ region: 'full', rotation: 0, blank: false, inkRatio: 0.01, hasHeader: false, hasMargin: false, orientationScore: 0 }],
  skewDegrees: 0,
  hasTextLayer: false,
  codes,
})

describe('grouping pages by their booklet codes', () => {
  it('orders shuffled, upside-down pages by copy and page, names duplicates and missing pages on their copy', () => {
    const analyses = [
      page(1, [code(42, 2, 2, 2, 180)]),
      page(2, [code(42, 1, 2, 2)]),
      page(3, [code(42, 2, 1, 2)]),
      page(4, [code(42, 1, 1, 2, 180)]),
      page(5, [code(42, 2, 2, 2)]),
      page(6, [code(42, 3, 2, 2)]),
    ]
    const { copies, rest, anomalies } = groupByCode({ analyses, examId: 42, fileName: 'scan.pdf' })
    expect(rest).toEqual([])
    expect(anomalies).toEqual([])
    expect(copies.map((c) => c.booklet!.copyNo)).toEqual([1, 2, 3])
    expect(copies[0]!.pages.map((p) => [p.sourcePage, p.rotation, p.subjectPage])).toEqual([[4, 180, 1], [2, 0, 2]])
    expect(copies[0]!.anomalies).toEqual([])
    expect(copies[1]!.pages.map((p) => p.sourcePage)).toEqual([3, 1, 5])
    expect(copies[1]!.anomalies).toEqual(['page 2 of 2 was scanned 2 times (scan.pdf pages 1, 5)'])
    expect(copies[2]!.anomalies).toEqual(['page 1 of 2 is missing'])
    expect(copies.every((c) => c.evidence.boundary === 'qr-code' && !c.evidence.unsure)).toBe(true)
  })

  it('places A3 halves by their codes, and a half whose code is unreadable by the imposition', () => {
    const upside = { x: 0.05, y: 0.94 }
    const analyses = [
      // front of the sheet upside down: page 1 (upright right half) is stored on the left
      page(1, [code(42, 1, 4, 4, 180, { x: 0.55, y: 0.94 }), code(42, 1, 1, 4, 180, upside)], A3),
      // back, upright, only page 2's code read
      page(2, [code(42, 1, 2, 4, 0, { x: 0.45, y: 0.06 })], A3),
    ]
    const [copy] = groupByCode({ analyses, examId: 42 }).copies
    expect(copy!.pages.map((p) => [p.sourcePage, p.region, p.rotation, p.subjectPage])).toEqual([
      [1, 'left', 180, 1],
      [2, 'left', 0, 2],
      [2, 'right', 0, 3],
      [1, 'right', 180, 4],
    ])
    expect(copy!.anomalies).toEqual(['page 3 (scan page 2, right) placed by the code on the other half of its sheet'])
  })

  it('keeps another exam’s booklets apart and reported, and hands pages without a code to the unprepared path', () => {
    const analyses = [page(1, [code(42, 1, 1, 1)]), page(2, [code(7, 1, 1, 1)]), page(3, []), page(4, [{ text: 'KG1:42:1:1/1:XXXX', rotation: 0, center: { x: 0.5, y: 0.5 } }])]
    const { copies, rest, anomalies } = groupByCode({ analyses, examId: 42, fileName: 'scan.pdf' })
    expect(copies.map((c) => [c.booklet, c.evidence.unsure])).toEqual([[{ examId: '42', copyNo: 1 }, false], [{ examId: '7', copyNo: 1 }, true]])
    expect(copies[1]!.anomalies).toEqual(['booklet 1 was printed for another exam (7), not this one'])
    expect(anomalies).toEqual(['scan.pdf holds booklets printed for another exam (7): they are kept as separate copies to check'])
    expect(rest.map((a) => a.sourcePage)).toEqual([3, 4])
    // …and the whole plan loses nothing
    const plan = planWithCodes({ analyses, examId: 42, fileName: 'scan.pdf' })
    expect(plan.copies.flatMap((c) => c.pages.map((p) => p.sourcePage)).sort()).toEqual([1, 2, 3, 4])
    // the command line, with no exam to ask, takes the exam most codes name
    expect(mainExamOf([...analyses, page(5, [code(42, 2, 1, 1)])])).toBe('42')
    expect(mainExamOf([page(1, [])])).toBeUndefined()
  })
})
