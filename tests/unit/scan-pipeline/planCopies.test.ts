import { planCopies } from '../../../plugins/scan-pipeline/lib/segment/planCopies.js'
import type { PageAnalysis, Region, RegionAnalysis, Rotation } from '../../../plugins/scan-pipeline/lib/types.js'

const region = (r: Region, rotation: Rotation, opts: Partial<RegionAnalysis> = {}): RegionAnalysis => ({
  region: r,
  rotation,
  blank: false,
  inkRatio: 0.01,
  hasHeader: false,
  hasMargin: true,
  orientationScore: 5,
  ...opts,
})

const base = { skewDegrees: 0, storedRotate: 0 as const, hasTextLayer: false }
/** a spread's regions come in reading order of the upright sheet: upside down, the stored right half first */
const ordered = (rotation: Rotation, left: RegionAnalysis, right: RegionAnalysis) => (rotation === 180 ? [right, left] : [left, right])
/** a front sheet: header on the upright right half (which is stored left when the sheet is upside down) */
const front = (page: number, rotation: Rotation): PageAnalysis => ({
  ...base,
  sourcePage: page,
  width: 1191,
  height: 842,
  layout: 'spread',
  regions: ordered(rotation, region('left', rotation, { hasHeader: rotation === 180 }), region('right', rotation, { hasHeader: rotation === 0 })),
})
const back = (page: number, rotation: Rotation, blankRight = false): PageAnalysis => ({
  ...base,
  sourcePage: page,
  width: 1191,
  height: 842,
  layout: 'spread',
  regions: ordered(rotation, region('left', rotation), region('right', rotation, { blank: blankRight })),
})
const a4 = (page: number, rotation: Rotation, header = false): PageAnalysis => ({
  ...base,
  sourcePage: page,
  width: 595,
  height: 842,
  layout: 'single',
  regions: [region('full', rotation, { hasHeader: header })],
})
const sig = (pages: { sourcePage: number; region: string; rotation: number }[]) => pages.map((p) => `${p.sourcePage}${p.region[0]}${p.rotation}`)

describe('planCopies', () => {
  it('puts booklets in reading order (1, 2, 3, 4, then inserts) whichever way each sheet was fed', () => {
    const plan = planCopies({ analyses: [front(1, 0), back(2, 0), a4(3, 180), front(4, 180), back(5, 180, true)] })
    expect(plan.copies).toHaveLength(2)
    expect(sig(plan.copies[0]!.pages)).toEqual(['1r0', '2l0', '2r0', '1l0', '3f180'])
    // upside down: page 1 is the stored left half, page 2 the stored right half
    expect(sig(plan.copies[1]!.pages)).toEqual(['4l180', '5r180', '5l180', '4r180'])
    expect(plan.copies[1]!.pages[1]!.blank).toBe(true)
    expect(plan.copies.every((c) => c.anomalies.length === 0)).toBe(true)
  })

  it('starts an A4 copy at each header and keeps following sheets with it', () => {
    const plan = planCopies({ analyses: [a4(1, 0, true), a4(2, 180), a4(3, 90), a4(4, 180, true), a4(5, 0)] })
    expect(plan.copies.map((c) => sig(c.pages))).toEqual([
      ['1f0', '2f180', '3f90'],
      ['4f180', '5f0'],
    ])
  })

  it('keeps pages before the first header and flags them instead of dropping them', () => {
    const plan = planCopies({ analyses: [a4(1, 0), a4(2, 0, true), a4(3, 0)], fileName: 'x.pdf' })
    expect(plan.copies).toHaveLength(2)
    expect(plan.copies[0]!.startsWithHeader).toBe(false)
    expect(plan.copies[0]!.evidence.unsure).toBe(true)
    expect(plan.copies[0]!.anomalies.join()).toMatch(/page 1: this copy's start is a proposal/)
    expect(plan.copies[1]!.evidence).toMatchObject({ boundary: 'header-box', unsure: false })
  })

  it('flags a booklet without its back, an unexpected page count and the starts it is unsure of, losing no page', () => {
    const plan = planCopies({ analyses: [front(1, 0), front(2, 0), back(3, 0), back(4, 0)], expectedPagesPerCopy: 4 })
    expect(plan.copies[0]!.anomalies.join()).toMatch(/back \(pages 2–3\) was not found/)
    expect(plan.copies[0]!.anomalies.join()).toMatch(/unexpected page count: 2 \(expected 4\)/)
    // a second back in a row cannot be explained with confidence: whatever is proposed is flagged
    expect(plan.copies.slice(1).some((c) => c.evidence.unsure)).toBe(true)
    const pages = plan.copies.flatMap((c) => sig(c.pages)).sort()
    expect(pages).toEqual(['1l0', '1r0', '2l0', '2r0', '3l0', '3r0', '4l0', '4r0'])
  })

  it('records unreadable pages in place and says which file and page', () => {
    const broken: PageAnalysis = { ...a4(2, 0), regions: [], error: { code: 'page_unreadable', message: 'page 2 could not be rendered' } }
    const plan = planCopies({ analyses: [a4(1, 0, true), broken, a4(3, 0)], fileName: 'b.pdf' })
    expect(sig(plan.copies[0]!.pages)).toEqual(['1f0', '2f0', '3f0'])
    expect(plan.copies[0]!.anomalies).toEqual(['b.pdf page 2: page 2 could not be rendered'])
  })

  it('says when a document has no exam header at all, or looks typed', () => {
    const typed = { ...a4(1, 0), hasTextLayer: true }
    const plan = planCopies({ analyses: [typed, a4(2, 0)], fileName: 't.pdf' })
    expect(plan.copies).toHaveLength(1)
    expect(plan.copies[0]!.pages).toHaveLength(2)
    expect(plan.anomalies.join('\n')).toMatch(/t\.pdf page 1 has a text layer/)
    expect(plan.anomalies.join('\n')).toMatch(/no first page was recognised in t\.pdf/)
  })

  it('never returns one block: a long batch in which nothing marks a copy’s start is proposed sheet by sheet', () => {
    // No descriptors (nothing learned), no header box, no subject: the sheets' structure alone.
    const plan = planCopies({ analyses: Array.from({ length: 12 }, (_, i) => a4(i + 1, 0)), fileName: 'annexes.pdf' })
    expect(plan.copies).toHaveLength(12)
    for (const copy of plan.copies) expect(copy.evidence).toMatchObject({ boundary: 'sheet-structure', unsure: true })
    expect(plan.anomalies.join('\n')).toMatch(/annexes\.pdf: nothing tells where its copies start.*each sheet is proposed as a copy/)
    // a short one stays one copy (a single student's sheets), and a declared length is followed instead
    expect(planCopies({ analyses: Array.from({ length: 4 }, (_, i) => a4(i + 1, 0)) }).copies).toHaveLength(1)
    expect(planCopies({ analyses: Array.from({ length: 12 }, (_, i) => a4(i + 1, 0)), expectedPagesPerCopy: 3 }).copies).toHaveLength(4)
  })

  it('proposes a short batch sheet by sheet when the exam already has copies: loose annexes or late sheets, joined by identity', () => {
    const sheets = Array.from({ length: 6 }, (_, i) => a4(i + 1, 0))
    // the same six sheets alone are one student's copy; beside copies already made, six pieces to join
    expect(planCopies({ analyses: sheets }).copies).toHaveLength(1)
    const loose = planCopies({ analyses: sheets, fileName: 'annexes.pdf', looseSheets: true, expectedPagesPerCopy: 4 })
    expect(loose.copies.map((c) => c.pages.map((p) => p.sourcePage))).toEqual([[1], [2], [3], [4], [5], [6]])
    expect(loose.anomalies.join('\n')).toMatch(/annexes\.pdf: .*the exam already has copies.*joins those that name a student/)
    // one sheet is one piece either way
    expect(planCopies({ analyses: [a4(1, 0)], looseSheets: true }).copies).toHaveLength(1)
  })
})
