import { decodeSheets } from '../../../plugins/scan-pipeline/lib/segment/decode.js'
import type { SheetEvidence } from '../../../plugins/scan-pipeline/lib/segment/evidence.js'

// Issue 11: on plain paper, the back of a folded booklet (pages 2 and 3, written from the top) can look
// like a first page. A duplex scan keeps every front's back: a front left alone costs what a missing back
// costs, so a back that only looks a little like page 1 stays its front's back.
const side = (firstPage: number) => ({ labels: [firstPage], other: 0 })
/** A folded sheet: how much each upright half looks like page 1; turned over, it looks like nothing. */
const sheet = (left: number, right: number): SheetEvidence =>
  ({ sheets: [] as never, units: [[side(left), side(right)], [side(-20), side(-20)]], orientationPrior: [0, -5] }) as unknown as SheetEvidence

const evidence = [sheet(-5, 10), sheet(-5, 4), sheet(-5, 10), sheet(-5, -2)]
const roles = (missingBack?: number) => decodeSheets({ evidence, pages: 1, costs: { other: 0, order: 3, orphan: 4, missingBack } }).map((d) => d.role.name)

describe('folded booklets in a duplex scan', () => {
  it('keeps a back that looks a little like a first page with its front', () => {
    expect(roles(6)).toEqual(['front', 'back', 'front', 'back'])
  })

  it('without the cost of a missing back, the same evidence cuts the booklet in two', () => {
    expect(roles(0)).toEqual(['front', 'front', 'front', 'back'])
  })

  it('still starts a copy on a back whose evidence of a first page is overwhelming', () => {
    const strong = [sheet(-5, 10), sheet(-5, 30), sheet(-5, -2)]
    expect(decodeSheets({ evidence: strong, pages: 1, costs: { other: 0, order: 3, orphan: 4, missingBack: 6 } }).map((d) => d.role.name)).toEqual(['front', 'front', 'back'])
  })
})
