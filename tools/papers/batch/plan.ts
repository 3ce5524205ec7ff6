import { DISCIPLINES, SCHOOLS } from '../content/exercises.js'
import { buildClass, type Student } from '../content/names.js'
import { designOf } from '../designs/index.js'
import type { Design, ExamInfo } from '../designs/types.js'
import { HAND_FONTS, fontsOfSet, type HandFont } from '../fonts.js'
import { randomStyle, type WriterStyle } from '../hand/fill.js'
import type { Rng } from '../prng.js'
import { createRng } from '../prng.js'
import type { TruthCopy, TruthPage, TruthRegion, TruthRotation } from '../truth.js'
import type { BatchSpec } from './spec.js'

/** What one A4 side of a scanned page holds. */
export type HalfSpec = {
  copy: number
  /** index into the copy's truth pages */
  pageIndex: number
  /** subject page (1-based) or a loose sheet */
  source: { subject: number } | { loose: 'seyes' | 'lined' }
  /** write the identity into the header (sheet fronts) */
  header: boolean
  lines: number
  pageNumber?: { n: number; total: number }
}

/** One scanned page: an A4 side or an A3 spread [left | right], upright, and how it was fed and stored. */
export type SideSpec = {
  size: 'a4' | 'a3'
  halves: HalfSpec[]
  /** clockwise rotation that makes the displayed page upright */
  rotation: TruthRotation
  /** the page's /Rotate */
  storedRotate: 0 | 90 | 270
}

export type CopyPlan = { student: Student | null; writer: Student; hand: HandFont; style: WriterStyle; seed: number }

export type BatchPlan = {
  spec: BatchSpec
  design: Design
  exam: ExamInfo
  subjectPageCount: number
  sides: SideSpec[]
  copies: CopyPlan[]
  truth: TruthCopy[]
  roster: Student[]
  hands: HandFont[]
}

const pad2 = (n: number) => String(n).padStart(2, '0')

export const examInfo = ({ rng, design, discipline, className }: { rng: Rng; design: Design; discipline?: string; className: string }): ExamInfo => {
  const pool = DISCIPLINES.filter((d) => (discipline ? d.id === discipline : !!d.english === !!design.english))
  const d = rng.pick(pool.length ? pool : DISCIPLINES)
  const year = 2026
  return {
    title: rng.pick(d.titles),
    info: rng.pick(d.info),
    school: rng.pick(SCHOOLS),
    className,
    discipline: d,
    date: `${pad2(rng.int(1, 28))}/${pad2(rng.int(1, 12))}/${year}`,
    session: `${year}`,
    variant: rng.next(),
  }
}

/** Region of an upright spread's half once the displayed page is turned by `rotation` (clockwise to upright). */
export const regionOf = (half: 'left' | 'right', rotation: TruthRotation): TruthRegion => {
  const other = half === 'left' ? 'right' : 'left'
  switch (rotation) {
    case 0:
      return half
    case 180:
      return other
    case 270:
      return half === 'left' ? 'top' : 'bottom'
    case 90:
      return half === 'left' ? 'bottom' : 'top'
  }
}

const feed = (rng: Rng, spec: BatchSpec): TruthRotation => {
  if (rng.chance(spec.sideways ?? 0)) return rng.chance(0.5) ? 90 : 270
  return rng.chance(spec.flips ?? 0) ? 180 : 0
}

/** Decides every copy, sheet and side of a batch, and the truth that follows (zones come with the drawing). */
export const planBatch = (spec: BatchSpec): BatchPlan => {
  const rng = createRng(spec.seed)
  const design = designOf(spec.design)
  const className = spec.className ?? rng.pick(['1G3', 'TG2', '2nde 5', '1ère STMG 1', '3e B'])
  const exam = { ...examInfo({ rng, design, discipline: spec.discipline, className }), ...(spec.examTitle ? { title: spec.examTitle } : {}) }
  let present: Student[]
  let roster: Student[]
  if (spec.students) {
    present = spec.students.slice(0, spec.copies)
    roster = spec.roster ?? spec.students
  } else {
    const klass = buildClass({ rng, present: spec.copies, absent: spec.absent ?? 0, className })
    present = klass.present
    roster = klass.roster
  }
  if (present.length < spec.copies) throw new Error(`batch ${spec.name}: ${spec.copies} copies but only ${present.length} students`)
  const hands = fontsOfSet(spec.fonts === 'heldOut' ? 'heldOut' : 'tuned')
  const subjectPageCount = spec.format === 'a3' ? 4 : (spec.subjectPages ?? (design.printedExercises ? rng.int(2, 4) : 2))
  const [minSets, maxSets] = spec.sheetsPerCopy ?? [1, 1]
  const sides: SideSpec[] = []
  const truth: TruthCopy[] = []
  const copies: CopyPlan[] = []

  for (let c = 0; c < spec.copies; c++) {
    const writer = present[c]!
    const student = spec.unnamed?.includes(c) ? null : writer
    const picked = rng.pick(hands)
    const hand = spec.hands?.[c] ? (HAND_FONTS.find((f) => f.id === spec.hands![c]) ?? picked) : picked
    copies.push({ student, writer, hand, style: randomStyle(rng), seed: rng.int(0, 2 ** 30) })
    const drawn = rng.int(minSets, maxSets)
    const sets = spec.sheetsFor?.[c] ?? drawn
    const looseCount = rng.chance(spec.inserts ?? 0) ? (rng.chance(0.25) ? 2 : 1) : 0
    const total = sets * subjectPageCount + looseCount
    const pages: TruthPage[] = []
    const halves: HalfSpec[] = []
    // pages in reading (written) order
    for (let s = 0; s < sets; s++) {
      const header = !!student && (s === 0 || rng.chance(spec.repeatHeader ?? 0.5))
      for (let k = 1; k <= subjectPageCount; k++) {
        const blank = k > 1 && rng.chance(k === subjectPageCount && spec.format === 'a3' ? (spec.blankPages ?? 0) * 2 : (spec.blankPages ?? 0))
        const lines = blank ? 0 : k === 1 ? rng.int(2, 14) : rng.int(2, 26)
        const n = pages.length + 1
        const written = spec.pageNumbers && lines > 0 ? { n, total } : undefined
        pages.push({ source_page: 0, region: 'full', rotation: 0, blank: lines === 0 && !header, subject_page: k, ...(written ? { written } : {}) })
        halves.push({ copy: c, pageIndex: pages.length - 1, source: { subject: k }, header: k === 1 && (header || (s === 0 && !student)), lines, ...(written ? { pageNumber: written } : {}) })
      }
    }
    for (let i = 0; i < looseCount; i++) {
      const n = pages.length + 1
      const written = spec.pageNumbers ? { n, total } : undefined
      pages.push({ source_page: 0, region: 'full', rotation: 0, blank: false, subject_page: null, ...(written ? { written } : {}) })
      halves.push({ copy: c, pageIndex: pages.length - 1, source: { loose: rng.chance(0.6) ? 'seyes' : 'lined' }, header: false, lines: rng.int(4, 26), ...(written ? { pageNumber: written } : {}) })
    }
    // physical sheets: an A3 sheet is [p4 | p1] then [p2 | p3]; an A4 set is one side per page
    type Sheet = { sides: Omit<SideSpec, 'rotation'>[] }
    const sheets: Sheet[] = []
    for (let s = 0; s < sets; s++) {
      const h = halves.slice(s * subjectPageCount, (s + 1) * subjectPageCount)
      if (spec.format === 'a3')
        sheets.push({
          sides: [
            { size: 'a3', halves: [h[3]!, h[0]!], storedRotate: spec.storedRotate ?? 0 },
            { size: 'a3', halves: [h[1]!, h[2]!], storedRotate: spec.storedRotate ?? 0 },
          ],
        })
      else sheets.push({ sides: h.map((half) => ({ size: 'a4' as const, halves: [half], storedRotate: 0 as const })) })
    }
    let order = sheets.map((_, i) => i)
    const missing: number[] = []
    if (spec.missingSheet?.includes(c) && sheets.length > 1) {
      const drop = rng.int(1, sheets.length - 1)
      // the numbers those pages have in the copy (the student numbered the pages they wrote on)
      for (const side of sheets[drop]!.sides) for (const half of side.halves) missing.push(half.pageIndex + 1)
      missing.sort((a, b) => a - b)
      order = order.filter((i) => i !== drop)
    }
    if (spec.shuffledSheets?.includes(c) && order.length > 1) {
      const shuffled = rng.shuffle(order)
      order = shuffled.join() === order.join() ? [...order.slice(1), order[0]!] : shuffled
    }
    const scanned = new Set<number>()
    for (const i of order)
      for (const side of sheets[i]!.sides) {
        const rotation = side.size === 'a3' && side.storedRotate ? (rng.chance(spec.flips ?? 0) ? 180 : 0) : feed(rng, spec)
        const index = sides.push({ ...side, rotation })
        side.halves.forEach((half, hi) => {
          const region: TruthRegion = side.size === 'a4' ? 'full' : regionOf(hi === 0 ? 'left' : 'right', rotation)
          Object.assign(pages[half.pageIndex]!, { source_page: index, region, rotation })
          scanned.add(half.pageIndex)
        })
      }
    for (const [i, half] of halves.slice(sets * subjectPageCount).entries()) {
      const index = sides.push({ size: 'a4', halves: [half], storedRotate: 0, rotation: feed(rng, spec) })
      Object.assign(pages[sets * subjectPageCount + i]!, { source_page: index, region: 'full', rotation: sides[index - 1]!.rotation })
      scanned.add(half.pageIndex)
    }
    truth.push({
      student: student ? { last_name: student.last_name, first_name: student.first_name, ...(student.dob ? { dob: student.dob } : {}), ...(student.class ? { class: student.class } : {}) } : null,
      pages: pages.filter((_, i) => scanned.has(i)),
      identityZones: [],
      hand: hand.id,
      ...(missing.length ? { missingPages: missing } : {}),
    })
    // halves keep pointing into the full page list; the drawing step maps them to the filtered one
    const kept = pages.map((_, i) => (scanned.has(i) ? [...scanned].filter((j) => j < i).length : -1))
    for (const half of halves) half.pageIndex = kept[half.pageIndex]!
  }
  return { spec, design, exam, subjectPageCount, sides, copies, truth, roster, hands: [...new Set(copies.map((c) => c.hand))] }
}
