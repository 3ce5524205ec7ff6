import type { PageAnalysis, PageCode, PlannedCopy, PlannedPage, Region } from '../types'
import { partnerPage } from './imposition'
import { decodeBookletCode, type BookletCode } from './payload'

/** A page or half-page placed by a booklet code: which copy, which page of it, which way up. */
type Placed = { code: BookletCode; page: PlannedPage; inferred: boolean }

export type CodeGrouping = {
  /** one copy per (exam, copy number) found, pages in booklet order */
  copies: PlannedCopy[]
  /** pages with no readable booklet code: they take the unprepared-paper path */
  rest: PageAnalysis[]
  anomalies: string[]
}

const regionOf = ({ code, width, height }: { code: PageCode; width: number; height: number }): { region: Region; spread: boolean } => {
  const sideways = code.rotation === 90 || code.rotation === 270
  const [uprightWidth, uprightHeight] = sideways ? [height, width] : [width, height]
  // Upright wider than tall: an A3 sheet, two booklet pages side by side, each with its own code.
  if (uprightWidth <= uprightHeight) return { region: 'full', spread: false }
  if (sideways) return { region: code.center.y < 0.5 ? 'top' : 'bottom', spread: true }
  return { region: code.center.x < 0.5 ? 'left' : 'right', spread: true }
}

const otherHalf: Record<Region, Region> = { left: 'right', right: 'left', top: 'bottom', bottom: 'top', full: 'full' }

const blankOf = (analysis: PageAnalysis, region: Region) => analysis.regions.find((r) => r.region === region)?.blank ?? false

/** Every booklet page found on one scanned page (two on an A3 sheet; a half whose code is unreadable placed by its partner's). */
const placePage = (analysis: PageAnalysis): Placed[] => {
  const placed: Placed[] = []
  for (const raw of analysis.codes ?? []) {
    const code = decodeBookletCode(raw.text)
    if (!code) continue
    const { region, spread } = regionOf({ code: raw, width: analysis.width, height: analysis.height })
    if (placed.some((p) => p.page.region === region)) continue
    placed.push({ code, inferred: false, page: { sourcePage: analysis.sourcePage, region, rotation: raw.rotation, blank: blankOf(analysis, region), subjectPage: code.pageNo } })
    if (spread && !(analysis.codes ?? []).some((c) => c !== raw && decodeBookletCode(c.text))) {
      const pageNo = partnerPage(code.pageNo, code.pageCount)
      const half = otherHalf[region]
      if (pageNo > 0)
        placed.push({ code: { ...code, pageNo }, inferred: true, page: { sourcePage: analysis.sourcePage, region: half, rotation: raw.rotation, blank: blankOf(analysis, half), subjectPage: pageNo } })
    }
  }
  return placed
}

const copyOf = ({ examId, copyNo, placed, fileName, ours }: { examId: string; copyNo: number; placed: Placed[]; fileName: string; ours: boolean }): PlannedCopy => {
  const anomalies: string[] = []
  const sorted = [...placed].sort((a, b) => a.code.pageNo - b.code.pageNo || a.page.sourcePage - b.page.sourcePage)
  const pageCount = Math.max(...sorted.map((p) => p.code.pageCount))
  if (!ours) anomalies.push(`booklet ${copyNo} was printed for another exam (${examId}), not this one`)
  if (sorted.some((p) => p.code.pageCount !== pageCount)) anomalies.push(`the codes of booklet ${copyNo} disagree on its page count`)
  for (let n = 1; n <= pageCount; n++) {
    const copies = sorted.filter((p) => p.code.pageNo === n)
    if (copies.length === 0) anomalies.push(`page ${n} of ${pageCount} is missing`)
    if (copies.length > 1) anomalies.push(`page ${n} of ${pageCount} was scanned ${copies.length} times (${fileName} pages ${copies.map((p) => p.page.sourcePage).join(', ')})`)
  }
  for (const p of sorted) if (p.inferred) anomalies.push(`page ${p.code.pageNo} (${fileName} page ${p.page.sourcePage}, ${p.page.region}) placed by the code on the other half of its sheet`)
  return {
    pages: sorted.map((p) => p.page),
    anomalies,
    startsWithHeader: true,
    // Read, not inferred: nothing for a person to confirm — unless the booklet belongs to another exam.
    evidence: { boundary: 'qr-code', margin: 100, unsure: !ours },
    booklet: { examId, copyNo },
  }
}

/**
 * Prepared booklets: pages are grouped by the (exam, copy) their codes carry and ordered by page number,
 * whatever order and rotation they were scanned in. A page scanned twice stays in its copy and is named;
 * a page never found is named; a booklet of another exam is kept apart and reported, never merged. Pages
 * without a readable code are handed back untouched for the unprepared-paper path: nothing is lost.
 */
export const groupByCode = ({ analyses, examId, fileName = 'scan' }: { analyses: PageAnalysis[]; examId: string | number; fileName?: string }): CodeGrouping => {
  const groups = new Map<string, { examId: string; copyNo: number; placed: Placed[] }>()
  const rest: PageAnalysis[] = []
  for (const analysis of analyses) {
    const placed = analysis.error ? [] : placePage(analysis)
    if (placed.length === 0) {
      rest.push(analysis)
      continue
    }
    for (const p of placed) {
      const key = `${p.code.examId}:${p.code.copyNo}`
      const group = groups.get(key) ?? { examId: p.code.examId, copyNo: p.code.copyNo, placed: [] }
      group.placed.push(p)
      groups.set(key, group)
    }
  }
  const ours = String(examId)
  const ordered = [...groups.values()].sort((a, b) => Number(b.examId === ours) - Number(a.examId === ours) || a.examId.localeCompare(b.examId) || a.copyNo - b.copyNo)
  const copies = ordered.map((g) => copyOf({ ...g, fileName, ours: g.examId === ours }))
  const foreign = [...new Set(ordered.filter((g) => g.examId !== ours).map((g) => g.examId))]
  const anomalies = foreign.map((id) => `${fileName} holds booklets printed for another exam (${id}): they are kept as separate copies to check`)
  return { copies, rest, anomalies }
}
