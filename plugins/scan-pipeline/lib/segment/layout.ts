import { twoGroups } from '../template/consensus'
import { rotate180, type Mask } from '../template/mask'
import { unitMask, type Sheet } from './sheets'
import { mapPixels } from '../raster/mapPixels'

/**
 * Where the writing sits at the top of a page, coarsely: the share of ink in each cell of a grid over
 * the top band. On plain paper a first page differs from the others only by what the student writes
 * there (the name at the top right, a title) — not by print.
 */
const BAND = 0.24
const COLS = 12
const ROWS = 5

const topBand = (mask: Mask): Float64Array => {
  const cells = new Float64Array(COLS * ROWS)
  const bandHeight = Math.floor(mask.height * BAND)
  const counts = new Float64Array(COLS * ROWS)
  // Rules are print, not writing: a column inked down most of the band (a margin) and a row inked
  // across most of the page (a ruled or printed line) are left out.
  const rule = new Uint8Array(mask.width)
  for (let x = 0; x < mask.width; x++) {
    let n = 0
    for (let y = 0; y < bandHeight; y++) n += mask.data[y * mask.width + x]!
    rule[x] = n > bandHeight * 0.6 ? 1 : 0
  }
  for (let y = 0; y < bandHeight; y++) {
    let n = 0
    for (let x = 0; x < mask.width; x++) n += mask.data[y * mask.width + x]!
    const ruledRow = n > mask.width * 0.5
    const r = Math.min(ROWS - 1, Math.floor((y * ROWS) / bandHeight))
    for (let x = 0; x < mask.width; x++) {
      const c = Math.min(COLS - 1, Math.floor((x * COLS) / mask.width))
      const near = rule[x] || (x > 0 && rule[x - 1]) || (x + 1 < mask.width && rule[x + 1])
      if (!ruledRow && !near) cells[r * COLS + c]! += mask.data[y * mask.width + x]!
      counts[r * COLS + c]!++
    }
  }
  for (let i = 0; i < cells.length; i++) cells[i] = counts[i]! ? cells[i]! / counts[i]! : 0
  return cells
}

const cosine = (a: Float64Array, b: Float64Array): number => {
  let ab = 0
  let aa = 0
  let bb = 0
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!
    aa += a[i]! * a[i]!
    bb += b[i]! * b[i]!
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0
}

/** Writing only: what every page has in a cell (a margin rule, a running title) is taken away. */
const features = (bands: Float64Array[]): Float64Array[] => {
  const median = new Float64Array(COLS * ROWS)
  for (let i = 0; i < median.length; i++) {
    const values = bands.map((b) => b[i]!).sort((x, y) => x - y)
    median[i] = values[Math.floor(values.length / 2)] ?? 0
  }
  return bands.map((b) => Float64Array.from(b, (v, i) => Math.sqrt(Math.max(0, v - median[i]! - 0.004))))
}

const mean = (vectors: Float64Array[]): Float64Array => {
  const out = new Float64Array(COLS * ROWS)
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i]! += v[i]! / vectors.length
  return out
}

/** A first page's layout must look like a first page's: clearly apart, and not on two sheets in a row. */
const MIN_SEPARATION = 0.3
const MAX_ADJACENT = 0.25
/**
 * …and have a place of its own: somewhere first pages are written on far more often than the others (the name).
 * 0.74 on copies doubles, tuned and held out; 0.33 for a class that loose annex sheets, every one a first page,
 * split on nothing in particular.
 */
const MIN_SIGNATURE = 0.5
const LLR_CAP = 8

export type LayoutEvidence = {
  /** per sheet, per way up (0 as analysed, 1 turned): log-odds that its first slot is a copy's first page */
  firstPage: [number, number][]
  /** per sheet: how far a side leans to starting a copy where nothing but the layout decides (none when blank) */
  splitLean: number[]
  separation: number
  firstSheets: number[]
}

const firstUnit = (sheet: Sheet, turned = false) => (sheet.spread ? sheet.units[turned ? 0 : 1] : sheet.units[0])

const firstSlot = (sheet: Sheet, turned: boolean) => {
  const unit = firstUnit(sheet, turned)
  const mask = unit && unitMask(unit)
  if (!mask) return undefined
  return turned ? rotate180(mask) : mask
}

/**
 * Where the layout alone decides, a written side in doubt starts a copy: a piece cut too soon is joined back by
 * identification (the same name or hand, written page numbers carrying on), a copy holding two students' pages
 * is not. Measured on the tuned plain-paper batch: a student's later sheets score −2.4 to −3.7, first pages −0.4
 * and up. Not where print decides too: there it only cut copies after their first page.
 */
const SPLIT_LEAN = 2.5
/** A cell holds writing when this share of it is ink beyond what every page has there. */
const WRITTEN = 0.012
/** Cells of one page are not independent: their log-odds are divided by this. */
const CELL_TEMPERATURE = 2
const EM_ROUNDS = 6

const written = (f: Float64Array): Uint8Array => mapPixels(f, (v) => (v * v > WRITTEN ? 1 : 0))

/** Per cell, how often first pages and the others have writing there (Laplace-smoothed). */
type CellModel = { first: Float64Array; other: Float64Array }

const fitCells = (cells: Uint8Array[], isFirst: boolean[]): CellModel => {
  const first = new Float64Array(COLS * ROWS)
  const other = new Float64Array(COLS * ROWS)
  let nf = 0
  let no = 0
  cells.forEach((c, k) => {
    const target = isFirst[k] ? first : other
    if (isFirst[k]) nf++
    else no++
    for (let i = 0; i < c.length; i++) target[i]! += c[i]!
  })
  for (let i = 0; i < first.length; i++) {
    first[i] = (first[i]! + 0.5) / (nf + 1)
    other[i] = (other[i]! + 0.5) / (no + 1)
  }
  return { first, other }
}

/**
 * All that empty cells can say for a first page, together: an empty top is one fact, however many cells it
 * spans, and a new sheet's front whose answers start lower, or a page after a figure, has it too. Counted
 * cell by cell, it outweighed the missing name (every front of a plain-paper batch read as a first page).
 */
const EMPTY_CAP = 3

/**
 * Writing beside a cell on its row: a name a little shorter or further left is still there. Not above or below:
 * there, the answers starting under a missing name would stand in for it (a booklet's inner pages then learned
 * as first pages).
 */
const besideWriting = (c: Uint8Array, i: number): boolean => {
  const col = i % COLS
  return Boolean((col > 0 && c[i - 1]) || (col + 1 < COLS && c[i + 1]))
}

const cellLogOdds = (model: CellModel, c: Uint8Array): number => {
  let written = 0
  let emptyFor = 0
  let emptyAgainst = 0
  for (let i = 0; i < c.length; i++) {
    const a = model.first[i]!
    const b = model.other[i]!
    if (c[i]) written += Math.log(a / b)
    else if (a <= b) emptyFor += Math.log((1 - a) / (1 - b))
    // where first pages write: missing only when nothing is written beside it (names differ in length)
    else if (!besideWriting(c, i)) emptyAgainst += Math.log((1 - a) / (1 - b))
  }
  const sum = written + Math.min(EMPTY_CAP, emptyFor) + emptyAgainst
  return Math.max(-LLR_CAP, Math.min(LLR_CAP, sum / CELL_TEMPERATURE))
}

const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/**
 * The batch's first written sheet is on the first pages' side of the two classes: its log-odds nearer the first
 * pages' typical score than the other pages'. Classes grown the wrong way round (a class's added sheets learned as
 * its "first pages") put it with the others (annex-a4 --seed 8: −3.2, the two classes at +6.8 and −6.9); a first
 * page only lightly written is still a first page (copie-double-a3 --seed 9: −1.0, the classes at +2.2 and −8).
 */
const openerLooksFirst = ({ scores, isFirst, opener }: { scores: number[]; isFirst: boolean[]; opener: number }): boolean => {
  if (isFirst[opener]) return true
  const firsts = middle(scores.filter((_, k) => isFirst[k]))
  const others = middle(scores.filter((_, k) => !isFirst[k]))
  return scores[opener]! > (firsts + others) / 2
}

/**
 * The top-of-page writing layout of a copy's first page, learned from the batch. Seeded with the
 * batch's first sheet (pages whose top band looks like it), then refined as two classes — first pages
 * and the others — each with its own chance of writing in every cell, until the classes settle. Every
 * sheet, both ways up, gets a log-odds of starting a copy. Undefined when the classes are not clear, the
 * "first pages" follow each other (something every sheet has, not once per copy), or the batch's first
 * written sheet is on the other pages' side (the classes grew the wrong way round: the added sheets as first pages).
 */
export const learnLayout = ({ sheets }: { sheets: Sheet[] }): LayoutEvidence | undefined => {
  const usable = sheets.flatMap((s, i) => (s.error || !firstSlot(s, false) ? [] : [i]))
  if (usable.length < 4) return undefined
  const uprightF = features(usable.map((i) => topBand(firstSlot(sheets[i]!, false)!)))
  const upright = uprightF.map(written)
  // A batch starts with a copy: its first sheet written at the top is a first page, whichever seed the classes grew from.
  const opener = upright.findIndex((c) => c.some((v) => v !== 0))
  for (let seed = 0; seed < Math.min(3, usable.length); seed++) {
    if (upright[seed]!.every((v) => v === 0)) continue
    const similarity = uprightF.map((f) => cosine(f, uprightF[seed]!))
    const split = twoGroups(similarity)
    if (!split) continue
    let isFirst = similarity.map((s) => s > split.threshold)
    let model = fitCells(upright, isFirst)
    for (let round = 0; round < EM_ROUNDS; round++) {
      const next = upright.map((c) => cellLogOdds(model, c) > 0)
      if (next.every((v, k) => v === isFirst[k])) break
      isFirst = next
      model = fitCells(upright, isFirst)
    }
    const scores = upright.map((c) => cellLogOdds(model, c))
    if (!isFirst[seed] || !openerLooksFirst({ scores, isFirst, opener })) continue
    const members = new Set(usable.filter((_, k) => isFirst[k]))
    if (members.size < 2 || members.size === usable.length) continue
    const adjacent = [...members].filter((i) => members.has(i - 1)).length
    if (adjacent / members.size > MAX_ADJACENT) continue
    if (Math.max(...model.first.map((a, i) => a - model.other[i]!)) < MIN_SIGNATURE) continue
    const separation = mean(scores.filter((_, k) => isFirst[k]).map((v) => Float64Array.of(v)))[0]! - mean(scores.filter((_, k) => !isFirst[k]).map((v) => Float64Array.of(v)))[0]!
    if (separation < MIN_SEPARATION * 10) continue
    const firstPage: [number, number][] = sheets.map(() => [0, 0])
    // Orientation is the page analysis' and the print's business: the layout says only whether the
    // sheet starts a copy, the same both ways up.
    // A side with nothing written starts no copy: its empty top band is no evidence of a first page, though it
    // looks more like one than a page of answers written to the top (a copie double's blank back read +8).
    const splitLean = sheets.map(() => 0)
    usable.forEach((i, k) => {
      const blank = firstUnit(sheets[i]!)?.blank
      const score = blank ? -LLR_CAP : scores[k]!
      firstPage[i] = [score, score]
      splitLean[i] = blank ? 0 : SPLIT_LEAN
    })
    return { firstPage, splitLean, separation, firstSheets: [...members].sort((a, b) => a - b) }
  }
  return undefined
}
