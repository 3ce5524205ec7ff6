import { buildTemplateSet } from '../template/pageModel'
import { packMask, unpackMask } from '../template/mask'
import type { SubjectModel } from '../template/subject'
import type { BoundaryEvidence, CopyPlan, PackedDescriptor, PageAnalysis, PlannedCopy, PlannedPage } from '../types'
import { decodeSheets, type DecodeCosts, type SheetDecision } from './decode'
import { orientationPrior, templateEvidence, type SheetEvidence } from './evidence'
import { learnTemplates } from './learn'
import { learnLayout, type LayoutEvidence } from './layout'
import { lengthPrior, typicalLength } from './lengthPrior'
import { plannedPage, sheetsOf, turnSheet, type Sheet } from './sheets'

/** Below this (log-odds), a copy's start is proposed, not decided: the desk shows it for review. */
export const UNSURE_MARGIN = 3

/** A framed header box found by the page analysis: one clue among others, not the rule. */
const HEADER_BOX_BONUS = 6
/** More pages than this in one copy cut on nothing but the sheets' structure: the batch is not one copy. */
const MAX_BLOCK_PAGES = 8
/** How much the writing's layout counts beside the subject's print (measured on the tuned designs only). */
const LAYOUT_WITH_SUBJECT = 0.25
/**
 * A booklet's front without its back (a duplex scan keeps both). Counted where the print or the writing
 * decides starts; on bare sheet structure a header box decides, and a lone front is flagged, not re-cut.
 */
const MISSING_BACK = 6
/** A start bonus no cost outweighs: every sheet starts a copy. */
const EVERY_SHEET_BONUS = 1000
/**
 * A page of the subject beats "no page of it" by this much (log-likelihood) somewhere in a batch printed on
 * it; measured on the copier mock bac, its pages matched by 60–70 and an annex file on other paper by −6.
 */
const SUBJECT_EXPLAINS = 10

/** Whether any side of the batch, either way up, is a page of the subject. */
const subjectExplains = (evidence: SheetEvidence[]): boolean =>
  evidence.some((ev) => ev.units.some((side) => side.some((u) => u.labels.length > 0 && Math.max(...u.labels) - u.other >= SUBJECT_EXPLAINS)))

type Model = {
  evidence: SheetEvidence[]
  pages: number
  costs: DecodeCosts
  boundary: BoundaryEvidence
  pageNumber: (label: number) => number | undefined
  firstPage?: PackedDescriptor
  /** a subject was given, but none of the batch's pages is a page of it */
  subjectUnused?: boolean
}

const structureOnly = (sheets: Sheet[]): SheetEvidence[] =>
  sheets.map((sheet) => {
    const both: [Sheet, Sheet] = [sheet, turnSheet(sheet)]
    // No template: a side is "page 1" only through the start bonus; every label is equally likely.
    const units = both.map((s) => s.units.map(() => ({ labels: [0], other: 0 }))) as SheetEvidence['units']
    return { sheets: both, units, orientationPrior: orientationPrior(sheet) }
  })

/** Where page 1 would be on a side: the side itself, or the right half of a spread. */
const firstSlotOf = (ev: SheetEvidence, o: 0 | 1) => ev.units[o][ev.sheets[o].spread ? 1 : 0]

/**
 * Below this, the subject's print cannot tell its first page from its others (plain or ruled paper: every page
 * printed alike), and where copies start is the writing's business alone. The median over the batch's sides of
 * how much better page 1 or the best other page explains them (log-likelihood): 0 on copies doubles, 9.6 to 69 on
 * the printed designs.
 */
const PRINT_TELLS_FIRST = 2

const printTellsFirst = (evidence: SheetEvidence[]): boolean => {
  const gaps = evidence.flatMap((ev) =>
    ([0, 1] as const).flatMap((o) => {
      const slot = firstSlotOf(ev, o)
      return slot && slot.labels.length > 1 ? [Math.abs(slot.labels[0]! - Math.max(...slot.labels.slice(1)))] : []
    }),
  )
  if (gaps.length === 0) return true
  gaps.sort((a, b) => a - b)
  return gaps[Math.floor(gaps.length / 2)]! >= PRINT_TELLS_FIRST
}

/** The writing's layout at the top of first pages adds to the print (or stands alone on plain paper). */
const addLayout = ({ evidence, layout, weight = 1, alone = false }: { evidence: SheetEvidence[]; layout: LayoutEvidence; weight?: number; alone?: boolean }) =>
  evidence.forEach((ev, i) => {
    for (const o of [0, 1] as const) {
      const slot = firstSlotOf(ev, o)
      if (slot && slot.labels.length > 0) slot.labels[0]! += weight * layout.firstPage[i]![o] + (alone ? layout.splitLean[i]! : 0)
    }
  })

/** `layout`: the batch's writing layout, learned once and handed on when the subject is set aside. */
const chooseModel = ({
  sheets,
  subject,
  learn = true,
  learnFrom,
  layout = learn ? learnLayout({ sheets }) : undefined,
}: {
  sheets: Sheet[]
  subject?: SubjectModel
  learn?: boolean
  learnFrom?: number
  layout?: LayoutEvidence
}): Model => {
  if (subject && subject.pages.length > 0) {
    const set = buildTemplateSet({ templates: subject.pages.map((p) => unpackMask(p.mask)) })
    const evidence = templateEvidence({ sheets, set })
    // A file of annexes or of sheets on other paper is not a print of this subject: cut as if there were none.
    if (!subjectExplains(evidence)) return { ...chooseModel({ sheets, learn, learnFrom, layout }), subjectUnused: true }
    // A subject printed the same on every page (plain or ruled paper) knows no page 1, and on single sheets its
    // page count is no copy's length (a student writes on as many as they need): cut on the writing, as with
    // none. On A3 it still knows how a booklet folds (pages 4 and 1 on its front), which the cut goes by.
    if (!sheets.some((sheet) => sheet.spread) && !printTellsFirst(evidence)) return chooseModel({ sheets, learn, learnFrom, layout })
    // The subject knows the print, not where students write their name: the batch's own writing layout
    // tells first pages apart where the subject's pages look alike (plain or lined paper). Weighed low:
    // where the print is clear, it decides.
    if (layout) addLayout({ evidence, layout, weight: LAYOUT_WITH_SUBJECT })
    return {
      evidence,
      pages: subject.pages.length,
      costs: { other: 1.5, order: 3, orphan: 4 },
      boundary: 'subject',
      pageNumber: (label) => subject.pages[label]?.number,
      firstPage: subject.pages[0]!.mask,
    }
  }
  const learned = learn ? learnTemplates({ sheets, learnFrom }) : undefined
  const evidence = learned ? templateEvidence({ sheets, set: learned.set, otherLabel: learned.other, following: learned.following }) : structureOnly(sheets)
  if (layout) addLayout({ evidence, layout, alone: !learned })
  const boundary: BoundaryEvidence = learned ? 'learned-template' : layout ? 'handwriting-layout' : 'sheet-structure'
  return {
    evidence,
    pages: 1,
    costs: { other: 0, order: 3, orphan: 4 },
    boundary,
    pageNumber: (label) => (label === 0 && boundary !== 'sheet-structure' ? 1 : undefined),
    firstPage: learned ? packMask(learned.firstPage) : undefined,
  }
}

type Draft = { copy: PlannedCopy; booklet?: { front: number; p1: PlannedPage; p4?: PlannedPage; p2?: PlannedPage; p3?: PlannedPage }; tail: PlannedPage[] }

const finish = (d: Draft): PlannedCopy => {
  const pages: PlannedPage[] = []
  if (d.booklet) {
    const { p1, p2, p3, p4 } = d.booklet
    pages.push(p1)
    if (p2) pages.push(p2)
    if (p3) pages.push(p3)
    if (p4) pages.push(p4)
    if (!p2 && !p3) d.copy.anomalies.push(`booklet starting at page ${d.booklet.front}: its back (pages 2–3) was not found`)
  }
  pages.push(...orderBySubject(d.tail))
  if (pages.length > 0 && pages.every((p) => p.blank)) d.copy.anomalies.push('every page of this copy is blank')
  const seen = new Map<number, number>()
  for (const p of pages) if (p.subjectPage) seen.set(p.subjectPage, (seen.get(p.subjectPage) ?? 0) + 1)
  for (const [page, count] of seen) if (count > 1) d.copy.anomalies.push(`page ${page} of the subject appears ${count} times`)
  return { ...d.copy, pages }
}

/** Pages that matched the subject go in its order; a loose sheet stays after the page it followed. */
const orderBySubject = (pages: PlannedPage[]): PlannedPage[] => {
  if (!pages.some((p) => p.subjectPage)) return pages
  const groups: { key: number; pages: PlannedPage[] }[] = []
  for (const p of pages) {
    if (p.subjectPage || groups.length === 0) groups.push({ key: p.subjectPage ?? 0, pages: [p] })
    else groups[groups.length - 1]!.pages.push(p)
  }
  return groups.sort((a, b) => a.key - b.key).flatMap((g) => g.pages)
}

const withLabel = (page: PlannedPage, label: number | undefined, model: Model): PlannedPage => {
  const number = label !== undefined && label >= 0 ? model.pageNumber(label) : undefined
  return number ? { ...page, subjectPage: number } : page
}

/**
 * Cut an analysed batch into copies with one global decision (see decode.ts) over the evidence at
 * hand: the exam's blank subject when there is one, else the first page learned from the batch, else
 * the sheets' structure; a framed header box is an extra clue in every case. Nothing is ever dropped:
 * what cannot be placed with confidence is kept, proposed and flagged for review.
 */
export const planCopies = ({
  analyses,
  expectedPagesPerCopy,
  fileName = 'scan',
  subject,
  looseSheets = false,
  learnFrom,
}: {
  analyses: PageAnalysis[]
  expectedPagesPerCopy?: number
  fileName?: string
  subject?: SubjectModel
  /**
   * The exam already has copies from other batches: a batch where nothing marks a copy's start is loose
   * sheets (annexes, late pages), each a piece that identification joins to its student's copy.
   */
  looseSheets?: boolean
  /** without a subject, the first page is learned from at most this many sheets (default `LEARN_FROM`) */
  learnFrom?: number
}): CopyPlan => {
  const anomalies: string[] = []
  const sheets = sheetsOf(analyses)
  if (sheets.length === 0) return { copies: [], anomalies, model: { boundary: 'none' } }
  for (const s of sheets) if (s.hasTextLayer) anomalies.push(`${fileName} page ${s.sourcePage} has a text layer: it looks like a typed document, not a scan`)

  // A few loose sheets beside copies already made: too few pages to learn a first page from (six annexes
  // taught a "first page" that took two of them for one copy), each sheet is a piece.
  const fewLoose = looseSheets && analyses.length <= MAX_BLOCK_PAGES
  const model = chooseModel({ sheets, subject, learn: !fewLoose, learnFrom })
  if (model.subjectUnused) anomalies.push(`none of ${fileName}'s pages is a page of the exam's blank subject (annexes, other paper?): it was cut without the subject`)
  // A framed box found by the page analysis is a clue only when nothing better is known: with
  // templates, a first page's frame is part of its print, and a table on another page is not a header.
  const startBonus = (i: number, o: 0 | 1) => {
    if (model.boundary !== 'sheet-structure') return 0
    const sheet = model.evidence[i]!.sheets[o]
    const slot = sheet.spread ? sheet.units[1] : sheet.units[0]
    return slot?.hasHeader ? HEADER_BOX_BONUS : 0
  }
  const missingBack = model.boundary === 'sheet-structure' ? 0 : MISSING_BACK
  let decisions = decodeSheets({ evidence: model.evidence, pages: model.pages, costs: { ...model.costs, missingBack, length: lengthPrior({ expected: expectedPagesPerCopy }) }, startBonus })
  // Without a declared length, the batch's own usual length is a (weak) prior for a second pass.
  if (!expectedPagesPerCopy) {
    const usual = typicalLength({ decisions, sheets })
    if (usual) decisions = decodeSheets({ evidence: model.evidence, pages: model.pages, costs: { ...model.costs, missingBack, length: lengthPrior({ usual }) }, startBonus })
  }

  let copies = buildCopies({ sheets, decisions, model, fileName })
  // Nothing known marks a copy's start (no subject, no print recurring once per copy, no header box):
  // rather than one block a person must take apart, the declared pages per copy cut it (starts made
  // free, the length decides), or else every sheet is proposed as a copy of its own (identification
  // joins the sheets that name the same student; the desk merges the rest).
  const block = copies.length === 1 ? copies[0]!.pages.length : 0
  const loose = looseSheets && block > 0 && sheets.length > 1
  if (model.boundary === 'sheet-structure' && (loose || block > Math.max(MAX_BLOCK_PAGES, 2 * (expectedPagesPerCopy ?? 0)))) {
    const bonus = expectedPagesPerCopy && !loose ? (model.costs.start ?? 1) : EVERY_SHEET_BONUS
    decisions = decodeSheets({ evidence: model.evidence, pages: model.pages, costs: { ...model.costs, length: lengthPrior({ expected: expectedPagesPerCopy }) }, startBonus: () => bonus })
    copies = buildCopies({ sheets, decisions, model, fileName })
    anomalies.push(
      loose
        ? `${fileName}: nothing tells where its copies start and the exam already has copies, so each sheet is proposed as a piece of its own (annexes, late sheets): identification joins those that name a student to that student's copy`
        : expectedPagesPerCopy
        ? `${fileName}: nothing tells where its copies start (no blank subject, no first page recognised), so it is cut every ${expectedPagesPerCopy} pages as the exam declares: check the cuts`
        : `${fileName}: nothing tells where its copies start (no blank subject, no first page recognised), so each sheet is proposed as a copy: merge those that belong together`,
    )
  }
  if (expectedPagesPerCopy) {
    for (const c of copies) if (c.pages.length !== expectedPagesPerCopy) c.anomalies.push(`unexpected page count: ${c.pages.length} (expected ${expectedPagesPerCopy})`)
  }
  if (copies.length > 0 && copies.every((c) => !c.startsWithHeader)) {
    anomalies.push(`no first page was recognised in ${fileName}: its copies are proposals to check`)
  }
  return { copies, anomalies, model: { boundary: model.boundary, firstPage: model.firstPage, ...(loose ? { looseSheets: true } : {}) } }
}

/**
 * A duplex scan of folded sheets: most fronts are followed by their back, the next scanned page. Then the page
 * after a front whose back matched nothing known (a second copie double, ruled inside where the first prints the
 * subject) is that front's back all the same: its halves are pages 2 and 3 of the sheet, not pages after its 4.
 */
const scansBacks = ({ sheets, decisions }: { sheets: Sheet[]; decisions: SheetDecision[] }): boolean => {
  const fronts = decisions.flatMap((d, i) => (d.role.name === 'front' && !sheets[i]!.error ? [i] : []))
  const backed = fronts.filter((i) => decisions[i + 1]?.role.name === 'back' && sheets[i + 1]!.sourcePage === sheets[i]!.sourcePage + 1)
  return fronts.length > 0 && backed.length * 2 >= fronts.length
}

const buildCopies = ({ sheets, decisions, model, fileName }: { sheets: Sheet[]; decisions: SheetDecision[]; model: Model; fileName: string }): PlannedCopy[] => {
  const copies: PlannedCopy[] = []
  const duplex = scansBacks({ sheets, decisions })
  let current: Draft | undefined
  const open = (d: Draft) => {
    if (current) copies.push(finish(current))
    current = d
  }
  const orphanTarget = (sourcePage: number): Draft => {
    if (!current)
      open({
        copy: { pages: [], anomalies: [`page ${sourcePage} of ${fileName} comes before any first page`], startsWithHeader: false, evidence: { boundary: 'none', margin: 0, unsure: true } },
        tail: [],
      })
    return current!
  }

  sheets.forEach((original, i) => {
    const decision = decisions[i]!
    const sheet = model.evidence[i]!.sheets[decision.orientation]
    const { role } = decision
    if (original.error) {
      const target = orphanTarget(original.sourcePage)
      target.tail.push(plannedPage(sheet.units[0]!))
      target.copy.anomalies.push(`${fileName} page ${original.sourcePage}: ${original.error}`)
      return
    }
    const pages = sheet.units.map((u, k) => withLabel(plannedPage(u), role.labels[k], model))
    const unsureSide = Math.abs(decision.orientationMargin) < UNSURE_MARGIN && model.boundary !== 'sheet-structure'
    if (role.starts) {
      const margin = Math.round(decision.startMargin * 10) / 10
      const headerOnly = sheet.units.some((u) => u.hasHeader)
      const boundary: BoundaryEvidence = model.boundary === 'sheet-structure' ? (headerOnly ? 'header-box' : 'sheet-structure') : model.boundary
      const copy: PlannedCopy = { pages: [], anomalies: [], startsWithHeader: boundary !== 'sheet-structure', evidence: { boundary, margin, unsure: margin < UNSURE_MARGIN || boundary === 'sheet-structure' } }
      if (copy.evidence.unsure) copy.anomalies.push(`page ${original.sourcePage}: this copy's start is a proposal (weak evidence), check it`)
      if (sheet.spread) {
        open({ copy, booklet: { front: original.sourcePage, p1: pages[1]!, p4: pages[0] }, tail: [] })
      } else open({ copy, tail: [pages[0]!] })
    } else {
      const target = orphanTarget(original.sourcePage)
      const backOfFront = role.name === 'back' || (duplex && role.name === 'other' && target.booklet !== undefined && original.sourcePage === target.booklet.front + 1)
      if (sheet.spread && backOfFront && target.booklet && !target.booklet.p2 && !target.booklet.p3) {
        target.booklet.p2 = pages[0]
        target.booklet.p3 = pages[1]
      } else {
        if (sheet.spread && target.booklet && role.name !== 'other') target.copy.anomalies.push(`page ${original.sourcePage}: an A3 sheet that does not complete a booklet`)
        target.tail.push(...pages)
      }
      if (model.boundary !== 'sheet-structure' && decision.startMargin > -UNSURE_MARGIN) target.copy.anomalies.push(`page ${original.sourcePage} might start another copy (weak evidence), check it`)
    }
    if (unsureSide) (current ?? orphanTarget(original.sourcePage)).copy.anomalies.push(`page ${original.sourcePage}: which way up it goes is unsure, check it`)
  })
  if (current) copies.push(finish(current))
  return copies
}
