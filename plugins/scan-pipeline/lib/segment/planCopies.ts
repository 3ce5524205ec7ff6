import type { CopyPlan, PageAnalysis, PlannedCopy, PlannedPage, RegionAnalysis } from '../types'

type Draft = {
  startsWithHeader: boolean
  /** booklet pages 1–4 by reading position; undefined until seen */
  booklet?: { p1: PlannedPage; p2?: PlannedPage; p3?: PlannedPage; p4: PlannedPage; frontPage: number }
  tail: PlannedPage[]
  anomalies: string[]
}

const planned = (sourcePage: number, r: RegionAnalysis): PlannedPage => ({ sourcePage, region: r.region, rotation: r.rotation, blank: r.blank })

/** Regions of a spread in reading order once the sheet is turned upright. */
const uprightOrder = (a: PageAnalysis): RegionAnalysis[] => {
  const [l, r] = a.regions as [RegionAnalysis, RegionAnalysis]
  return l.rotation === 180 ? [r, l] : [l, r]
}

const finish = (d: Draft): PlannedCopy => {
  const pages: PlannedPage[] = []
  if (d.booklet) {
    const { p1, p2, p3, p4 } = d.booklet
    pages.push(p1)
    if (p2) pages.push(p2)
    if (p3) pages.push(p3)
    pages.push(p4)
    if (!p2) d.anomalies.push(`booklet starting at page ${d.booklet.frontPage}: its back (pages 2–3) was not found`)
  }
  pages.push(...d.tail)
  if (pages.length > 0 && pages.every((p) => p.blank)) d.anomalies.push('every page of this copy is blank')
  return { pages, anomalies: d.anomalies, startsWithHeader: d.startsWithHeader }
}

/**
 * Cut an analysed batch into copies. A copy starts where the exam header is; everything after
 * joins it (booklet back, A4 sheets, inserts) until the next header. Nothing is ever dropped:
 * what cannot be placed with confidence is kept and flagged for review.
 */
export const planCopies = ({
  analyses,
  expectedPagesPerCopy,
  fileName = 'scan',
}: {
  analyses: PageAnalysis[]
  expectedPagesPerCopy?: number
  fileName?: string
}): CopyPlan => {
  const copies: PlannedCopy[] = []
  const anomalies: string[] = []
  let current: Draft | undefined

  const startCopy = (d: Draft) => {
    if (current) copies.push(finish(current))
    current = d
  }
  /** a page with nowhere to go still belongs somewhere: the copy in progress, or a copy of its own */
  const orphanTarget = (sourcePage: number): Draft => {
    if (!current) {
      startCopy({ startsWithHeader: false, tail: [], anomalies: [`page ${sourcePage} of ${fileName} comes before any exam header`] })
    }
    return current!
  }

  for (const a of [...analyses].sort((x, y) => x.sourcePage - y.sourcePage)) {
    if (a.error || a.regions.length === 0) {
      const target = orphanTarget(a.sourcePage)
      target.tail.push({ sourcePage: a.sourcePage, region: 'full', rotation: 0, blank: false })
      target.anomalies.push(`${fileName} page ${a.sourcePage}: ${a.error?.message ?? 'no analysis'}`)
      continue
    }
    if (a.hasTextLayer) anomalies.push(`${fileName} page ${a.sourcePage} has a text layer: it looks like a typed document, not a scan`)

    if (a.layout === 'spread') {
      const ordered = uprightOrder(a)
      const headed = a.regions.filter((r) => r.hasHeader)
      if (headed.length > 0) {
        // the header marks page 1; on an upright front it is the right half
        const p1 = headed.length === 1 ? headed[0]! : ordered[1]!
        const p4 = a.regions.find((r) => r !== p1)!
        const draft: Draft = {
          startsWithHeader: true,
          booklet: { p1: planned(a.sourcePage, p1), p4: planned(a.sourcePage, p4), frontPage: a.sourcePage },
          tail: [],
          anomalies: [],
        }
        if (headed.length > 1) draft.anomalies.push(`page ${a.sourcePage}: an exam header on both halves`)
        else if (p1 !== ordered[1]) draft.anomalies.push(`page ${a.sourcePage}: the header is on the left half of the upright sheet (unusual fold)`)
        startCopy(draft)
        continue
      }
      if (current?.booklet && !current.booklet.p2) {
        current.booklet.p2 = planned(a.sourcePage, ordered[0]!)
        current.booklet.p3 = planned(a.sourcePage, ordered[1]!)
        continue
      }
      const hadCopy = current !== undefined
      const target = orphanTarget(a.sourcePage)
      if (hadCopy) target.anomalies.push(`page ${a.sourcePage}: an A3 sheet without header that does not complete a booklet`)
      target.tail.push(...ordered.map((r) => planned(a.sourcePage, r)))
      continue
    }

    const region = a.regions[0]!
    if (region.hasHeader) {
      startCopy({ startsWithHeader: true, tail: [planned(a.sourcePage, region)], anomalies: [] })
      continue
    }
    orphanTarget(a.sourcePage).tail.push(planned(a.sourcePage, region))
  }
  if (current) copies.push(finish(current))

  if (expectedPagesPerCopy) {
    for (const c of copies) {
      if (c.pages.length !== expectedPagesPerCopy) c.anomalies.push(`unexpected page count: ${c.pages.length} (expected ${expectedPagesPerCopy})`)
    }
  }
  if (copies.length > 0 && copies.every((c) => !c.startsWithHeader)) {
    anomalies.push(`no exam header was found in ${fileName}: its pages are kept together for review`)
  }
  return { copies, anomalies }
}
