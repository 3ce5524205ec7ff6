import { alignTemplate, prepareTarget, samplePoints, type Alignment, type PointSet, type Target } from '../template/align'
import { consensus, twoGroups, warpToFrame } from '../template/consensus'
import { bitAt, dilate, fromBits, rotate180, toBits, type BitMask, type Mask } from '../template/mask'
import { buildTemplateSet, scoreBothWays, type TemplateSet } from '../template/pageModel'
import { unitMask, type Sheet, type Unit } from './sheets'

/** Where page 1 would be on a sheet: the side itself, or the right half of an upright spread. */
const firstSlot = (sheet: Sheet): Unit | undefined => (sheet.spread ? sheet.units[1] : sheet.units[0])

export type LearnedTemplates = {
  set: TemplateSet
  /** label of the first-page template and of the "any other page" one in `set` */
  first: 0
  other: 1
  /** the print of the page that follows a first page (in the frame of one such page: a side is aligned on it its own way) */
  following?: TemplateSet
  /** how clearly first pages stood out from the rest when they were learned (share of their own print found) */
  separation: number
  /** the sheets whose first slot looked like a first page while learning */
  firstSheets: number[]
  /** the first page's print itself (DESCRIPTOR_DPI, upright): where its printed fields are */
  firstPage: Mask
}

type Candidate = { sheet: number; unit: Unit }
type Frame = { width: number; height: number }

const SEEDS_TRIED = 3
/** First pages must find this much more of the first-page print than the other pages do. */
const MIN_SEPARATION = 0.25
/** Enough sides to see what every page shares; more only costs time. */
const BACKGROUND_SAMPLE = 160

/** Share of `points` (in the reference frame) that land on ink of a page aligned by `alignment`. */
const presence = ({ points, target, alignment, frame }: { points: PointSet; target: Target; alignment: Alignment; frame: Frame }): number => {
  if (points.xs.length === 0) return 0
  const { fine } = target
  let hits = 0
  for (let i = 0; i < points.xs.length; i++) {
    const x = Math.round(fine.width / 2 + alignment.scale * (points.xs[i]! - frame.width / 2) + alignment.dx)
    const y = Math.round(fine.height / 2 + alignment.scale * (points.ys[i]! - frame.height / 2) + alignment.dy)
    if (x >= 0 && y >= 0 && x < fine.width && y < fine.height) hits += fine.data[y * fine.width + x]!
  }
  return hits / points.xs.length
}

/** For each point, is there ink under it on the aligned page (0/1)? */
const presenceRow = ({ points, target, alignment, frame }: { points: PointSet; target: Target; alignment: Alignment; frame: Frame }): Uint8Array => {
  const { fine } = target
  const row = new Uint8Array(points.xs.length)
  for (let i = 0; i < points.xs.length; i++) {
    const x = Math.round(fine.width / 2 + alignment.scale * (points.xs[i]! - frame.width / 2) + alignment.dx)
    const y = Math.round(fine.height / 2 + alignment.scale * (points.ys[i]! - frame.height / 2) + alignment.dy)
    row[i] = x >= 0 && y >= 0 && x < fine.width && y < fine.height ? fine.data[y * fine.width + x]! : 0
  }
  return row
}

/**
 * The points' loadings on the leading principal component of the (pages × points) presence matrix,
 * signed so that the reference page scores positively: points that appear and vanish together.
 */
const leadingComponent = (rows: Uint8Array[], reference: number): number[] => {
  const m = rows.length
  const n = rows[0]!.length
  // Double centring: how much ink a page has overall (a lot of writing) and how often a point is
  // inked overall are main effects, not the print's pattern.
  const colMean = new Float64Array(n)
  const rowMean = rows.map((row) => row.reduce((a, b) => a + b, 0) / n)
  for (const row of rows) for (let j = 0; j < n; j++) colMean[j]! += row[j]! / m
  const grand = rowMean.reduce((a, b) => a + b, 0) / m
  const centred = rows.map((row, i) => Float64Array.from(row, (x, j) => x - rowMean[i]! - colMean[j]! + grand))
  let v = new Float64Array(n).fill(1 / Math.sqrt(n))
  for (let iter = 0; iter < 40; iter++) {
    const u = centred.map((row) => {
      let s = 0
      for (let j = 0; j < n; j++) s += row[j]! * v[j]!
      return s
    })
    const next = new Float64Array(n)
    centred.forEach((row, i) => {
      for (let j = 0; j < n; j++) next[j]! += row[j]! * u[i]!
    })
    let norm = 0
    for (let j = 0; j < n; j++) norm += next[j]! * next[j]!
    norm = Math.sqrt(norm) || 1
    for (let j = 0; j < n; j++) next[j]! /= norm
    v = next
  }
  let refScore = 0
  for (let j = 0; j < n; j++) refScore += centred[reference]![j]! * v[j]!
  return Array.from(v, (x) => (refScore >= 0 ? x : -x))
}

/** Mean of `values` over a (2r+1)² window, clipped at the borders (two running sums). */
const boxMean = (values: Float32Array, { width, height }: Frame, r: number): Float32Array => {
  const tmp = new Float32Array(values.length)
  for (let y = 0; y < height; y++) {
    let sum = 0
    let count = 0
    for (let x = -r; x < width + r; x++) {
      if (x + r < width && x + r >= 0) {
        sum += values[y * width + x + r]!
        count++
      }
      if (x - r - 1 >= 0) {
        sum -= values[y * width + x - r - 1]!
        count--
      }
      if (x >= 0 && x < width) tmp[y * width + x] = sum / count
    }
  }
  const out = new Float32Array(values.length)
  for (let x = 0; x < width; x++) {
    let sum = 0
    let count = 0
    for (let y = -r; y < height + r; y++) {
      if (y + r < height && y + r >= 0) {
        sum += tmp[(y + r) * width + x]!
        count++
      }
      if (y - r - 1 >= 0) {
        sum -= tmp[(y - r - 1) * width + x]!
        count--
      }
      if (y >= 0 && y < height) out[y * width + x] = sum / count
    }
  }
  return out
}

/** How far above its surroundings a pixel's ink frequency must stand to be print, not writing haze. */
const SHARPNESS = 0.12
/** Ink on (nearly) every page is the common background, not one page type's print. */
const COMMON = 0.75

/** Pixels whose ink frequency is sharp (print) but not common to all pages (background), sampled. */
const sharpPartialPoints = ({ pages, frame }: { pages: BitMask[]; frame: Frame }): PointSet => {
  const freq = new Float32Array(frame.width * frame.height)
  for (const page of pages) for (let i = 0; i < freq.length; i++) freq[i]! += bitAt(page, i)
  for (let i = 0; i < freq.length; i++) freq[i]! /= pages.length
  const haze = boxMean(freq, frame, 4)
  const data = new Uint8Array(freq.length)
  const low = Math.max(2 / pages.length, 0.05)
  for (let i = 0; i < freq.length; i++) data[i] = freq[i]! - haze[i]! > SHARPNESS && freq[i]! >= low && freq[i]! < COMMON ? 1 : 0
  return samplePoints({ ...frame, data }, 1500)
}

/** Ink of `mask` that the common background does not explain. */
const minus = (mask: Mask, background: Mask): Mask => {
  const grown = dilate(background, 1)
  const data = new Uint8Array(mask.data.length)
  for (let i = 0; i < data.length; i++) data[i] = mask.data[i]! && !grown.data[i] ? 1 : 0
  return { width: mask.width, height: mask.height, data }
}

/** One page made at a time, as a consumer walks them: never all of a big batch's pages at once. */
function* unpackEach<T>(items: T[], make: (item: T) => Mask): Generator<Mask> {
  for (const item of items) yield make(item)
}

/**
 * Sheets enough to learn a first page from: a batch of up to this many is learned whole; a bigger one from runs of
 * consecutive sheets spread over it (consecutive, so "first pages do not follow each other" can still be seen).
 * Every sheet is still scored against what was learned: only the learning is bounded, in time and memory (the
 * learning held each candidate's warped ink: 2,000 pages took 20 s and grew with the batch).
 */
export const LEARN_FROM = 400
const LEARN_RUNS = 4

const learningSample = <T>(items: T[], max: number): T[] => {
  if (items.length <= max) return items
  const run = Math.floor(max / LEARN_RUNS)
  // The batch's start is always in: its first sheet is the first seed.
  return Array.from({ length: LEARN_RUNS }, (_, k) => Math.round((k * (items.length - run)) / (LEARN_RUNS - 1))).flatMap((start) => items.slice(start, start + run))
}

const evenSample = <T>(items: T[], max: number): T[] => (items.length <= max ? items : Array.from({ length: max }, (_, k) => items[Math.floor((k * items.length) / max)]!))

/** `crisp`: pixels of the template that most of its group have inked exactly there (print, not a ghost of writing) */
/** `background`: what the sides share, aligned on the seed — made only when asked (no page outside the group is left to learn "any other page" from) */
type Attempt = { seed: Candidate; separation: number; group: Set<Candidate>; template: Mask; background: () => Mask; crisp: number }

/**
 * Print is inked on the same pixels of every page that carries it; where most students write (the first rules
 * of ruled paper) the pages' ink lands near the same place, never on the same pixels, and their consensus is a
 * ghost of the writing. A first page must have this many pixels (at DESCRIPTOR_DPI, ~0.7 mm² each: a short label
 * and its line) that four in five of its group have inked. Chosen on the tuned designs (three classes each):
 * groups found on copies doubles 5–118 (165 on a sixth class), printed first pages 571–3,363.
 */
const MIN_CRISP = 300
const CRISP_SHARE = 0.8

/** A later seed's group this much inside the first sheet's own group is that page type again. */
const SAME_TYPE = 0.8
const sharedWith = ({ group, of }: { group: Set<Candidate>; of: Set<Candidate> }): number => [...group].filter((c) => of.has(c)).length / group.size

/** First pages come once per copy: a group whose members often follow each other is something else. */
const MAX_ADJACENT = 0.25
const onceAPeriod = (attempt: Attempt): boolean => {
  const sheets = new Set([...attempt.group].map((c) => c.sheet))
  const adjacent = [...sheets].filter((i) => sheets.has(i - 1)).length
  return adjacent / sheets.size <= MAX_ADJACENT
}

/**
 * The printed first page, learned from the batch itself. A seed that should be a first page (the
 * batch's first sheet, or a sheet with a framed header) gives a frame; every page is aligned on it.
 * What most pages share (rules, margins, running print) is the background; the seed's ink beyond it
 * is its own print plus its handwriting. Pages that carry a large share of it form the first-page
 * group, whose common ink (handwriting averages away) is the first-page template; one more round with
 * that template's own print settles the group. Undefined when no group stands out (plain paper whose
 * first pages have no print of their own): other clues must then decide.
 */
export const learnTemplates = ({ sheets, learnFrom = LEARN_FROM }: { sheets: Sheet[]; /** at most this many sheets are learned from */ learnFrom?: number }): LearnedTemplates | undefined => {
  const learnedOn = learningSample(sheets.map((sheet, i) => ({ sheet, i })), learnFrom)
  const candidates: Candidate[] = learnedOn.flatMap(({ sheet, i }) => {
    const unit = firstSlot(sheet)
    return unit?.ink && !sheet.error ? [{ sheet: i, unit }] : []
  })
  if (candidates.length < 4) return undefined
  // Not kept: a page's target (its ink at three scales, ~115 kB) is made for each seed's alignment of it;
  // kept for every page of a 2,000-page batch they were a quarter of a gigabyte.
  const targetOf = (u: Unit): Target => prepareTarget(unitMask(u)!)
  // The background from the same sheets: a first page outside them would pass for an "other" page.
  const sides = evenSample(learnedOn.flatMap(({ sheet }) => (sheet.error ? [] : sheet.units.filter((u) => u.ink))), BACKGROUND_SAMPLE)
  // Seeds in batch order: a batch starts with a copy, so its first sheet is the best guess of a first
  // page (a framed box found by the page analysis may as well be a table on page 2).
  const seeds = candidates.slice(0, SEEDS_TRIED)

  // The batch starts with a copy: the first seed that yields a clear group is the first page. (A later
  // seed could be another page type with print of its own — page 2's exercise — and win on clarity.)
  let best: Attempt | undefined
  let firstType: Attempt | undefined
  for (const seed of seeds) {
    const attempt = trySeed({ seed, candidates, sides, targetOf })
    if (!attempt) continue
    const first = seed === candidates[0]
    const clear = attempt.separation >= MIN_SEPARATION && attempt.crisp >= MIN_CRISP
    if (first && clear) firstType = attempt
    // The first sheet's print, clear but on sheets that follow each other (copies of one page: an annex), is the
    // first page still. A later seed whose group lies within it found a part of those same pages, not another page
    // type: annex A4 drawn with --seed 12 learned 7 of its 26 first pages so and came out as 12 copies.
    if (!first && firstType && sharedWith({ group: attempt.group, of: firstType.group }) >= SAME_TYPE) continue
    // a later seed stands for the batch's first sheet only if that sheet is in its group
    const startsBatch = first || attempt.group.has(candidates[0]!)
    if (startsBatch && clear && onceAPeriod(attempt)) {
      best = attempt
      break
    }
  }
  // No print comes once per copy among others: on copies of one page (a worksheet, an annex to fill in) the
  // first page is nearly every sheet, and only a student's extra sheets lack its print.
  best ??= tryCommonPrint({ candidates, sides, targetOf })
  if (!best) return undefined
  const frame = { width: best.template.width, height: best.template.height }
  const points = samplePoints(best.template, 1500)
  const others = sides.filter((u) => !candidates.some((c) => c.unit === u && best!.group.has(c)))
  const warpOn = (mask: Mask, target = prepareTarget(mask)) => warpToFrame({ mask, alignment: alignTemplate({ points, target }), frame })
  const continuation = others.length > 0 ? consensus({ pages: unpackEach(others, (u) => warpOn(unitMask(u)!)), frame }) : best.background()
  const pageTwo = pageTwoTemplate({ sheets, learnedOn: learnedOn.map(({ i }) => i), firstSheets: new Set([...best.group].map((c) => c.sheet)), first: best.template, continuation })
  return {
    // Apart from the first page's set: aligned with it, their print would pull every page's alignment its way.
    set: buildTemplateSet({ templates: [best.template, continuation], alignAlone: [0] }),
    first: 0,
    other: 1,
    ...(pageTwo ? { following: buildTemplateSet({ templates: [pageTwo] }) } : {}),
    separation: best.separation,
    firstSheets: [...best.group].map((c) => c.sheet).sort((a, b) => a - b),
    firstPage: best.template,
  }
}

/** Pages seen after a first page before their print is believed. */
const MIN_FOLLOWERS = 4
/** Page 2's print mostly the first page's own (every sheet carries the header) tells nothing apart. */
const MAX_SHARED_WITH_FIRST = 0.6
/** A page analysis' orientation clue this strong (a written page's is ~2) says which way up a page goes. */
const CLEAR_CLUE = 1
/** Followers tried in turn as the frame page 2's print is learned in (one may be a page 3 after a page 2 taken for a first page). */
const PAGE_TWO_FRAMES = 3

/**
 * The print of the page that follows a first page (page 2's exercise and table). "Any other page" is only what
 * all later pages share; a page 2 full of writing, whose table sits where the first page's header does, could
 * explain the first page's print better than that, and start a copy; its own print explains it better still.
 * Single sides only: a folded sheet's halves have no place. Page 2 only: pages 3 and 4 learned as well turned first
 * pages the wrong way up (framed A4 drawn with --seed 2: 8 of 56 pages), since on short copies the sheets two and
 * three places on are mostly the next copies' first pages, the ones the learning did not group.
 * The pages 2 are aligned on one of them, not on the first page's print: aligned on a print they do not carry, a
 * table at the top of page 2 lands a few pixels off on each, and their consensus kept 174 pixels of it (framed A4
 * drawn with --seed 10, where three pages 2 then started copies); on one another, 1,794. Its frame is then that
 * page's, and a side is scored against it aligned its own way (see templateEvidence).
 */
const pageTwoTemplate = ({ sheets, learnedOn, firstSheets, first, continuation }: { sheets: Sheet[]; learnedOn: number[]; firstSheets: Set<number>; first: Mask; continuation: Mask }): Mask | undefined => {
  const followers = learnedOn.flatMap((i) => {
    const sheet = sheets[i]!
    const unit = sheet.units[0]
    return !sheet.spread && !sheet.error && unit?.ink && firstSheets.has(i - 1) && !firstSheets.has(i) ? [unit] : []
  })
  if (followers.length < MIN_FOLLOWERS) return undefined
  // The page analysis turns a page with little print of its own the wrong way now and then, and half of them
  // turned would teach page 2's print upside down: every page 2 would then fit both ways. Each page is learned the
  // way up its own clue says (the lines' left edges, where the ink sits: never wrong where it says something), and
  // only a page whose clue says nothing the way up the print of all later pages fits it best. That print alone
  // fits a page 2 with a table at its top better turned (where a page 4 has rules): learned so, page 2's print
  // could not say which way up a page goes (see templateEvidence).
  const againstOthers = buildTemplateSet({ templates: [continuation] })
  // which way up each page goes, decided once: every frame tried learns from the same pages
  const turnedOver = new Map<Unit, boolean>()
  const upright = (u: Unit): Mask => {
    const mask = unitMask(u)!
    let turn = turnedOver.get(u)
    if (turn === undefined) {
      if (Math.abs(u.orientationScore) >= CLEAR_CLUE) turn = u.orientationScore < 0
      else {
        const { upright, turned } = scoreBothWays({ set: againstOthers, page: mask })
        turn = turned.ll[0]! > upright.ll[0]!
      }
      turnedOver.set(u, turn)
    }
    return turn ? rotate180(mask) : mask
  }
  const firstGrown = dilate(first, 1)
  for (const reference of followers.slice(0, PAGE_TWO_FRAMES)) {
    const frameMask = upright(reference)
    const points = samplePoints(frameMask, 1500)
    const frame = { width: frameMask.width, height: frameMask.height }
    const warped = (u: Unit): Mask => {
      const mask = u === reference ? frameMask : upright(u)
      return warpToFrame({ mask, alignment: alignTemplate({ points, target: prepareTarget(mask) }), frame })
    }
    const template = consensus({ pages: unpackEach(followers, warped), frame })
    let ink = 0
    let shared = 0
    for (let k = 0; k < template.data.length; k++)
      if (template.data[k]) {
        ink++
        shared += k < firstGrown.data.length ? firstGrown.data[k]! : 0
      }
    if (ink > 0 && shared / ink <= MAX_SHARED_WITH_FIRST) return template
  }
  return undefined
}

/** The seed's frame, each side's alignment on it (made once, on first need), and what the sides share so aligned. */
const alignedOn = ({ seed, sides, targetOf }: { seed: Candidate; sides: Unit[]; targetOf: (u: Unit) => Target }) => {
  const reference = unitMask(seed.unit)!
  const refPoints = samplePoints(reference, 1500)
  const alignments = new Map<Unit, Alignment>()
  const alignmentOf = (u: Unit) => {
    let a = alignments.get(u)
    if (!a) alignments.set(u, (a = alignTemplate({ points: refPoints, target: targetOf(u) })))
    return a
  }
  const frame = { width: reference.width, height: reference.height }
  const background = () => consensus({ pages: unpackEach(sides, (u) => warpToFrame({ mask: unitMask(u)!, alignment: alignmentOf(u), frame })), frame })
  return { frame, alignmentOf, background }
}

const trySeed = ({
  seed,
  candidates,
  sides,
  targetOf,
}: {
  seed: Candidate
  candidates: Candidate[]
  sides: Unit[]
  targetOf: (u: Unit) => Target
}): Attempt | undefined => {
  const { frame, alignmentOf, background } = alignedOn({ seed, sides, targetOf })

  // Where the pages have ink, how often: print shared by a group of pages (the first pages) is sharp
  // in that map, handwriting (everyone writes somewhere else) only a smooth haze. The sharp part that
  // is not on every page is the print that tells page types apart.
  // Kept 8 pixels a byte: every candidate page of the batch is held at once.
  const warped = candidates.map((c) => toBits(warpToFrame({ mask: unitMask(c.unit)!, alignment: alignmentOf(c.unit), frame })))
  const sharp = sharpPartialPoints({ pages: warped, frame })
  if (sharp.xs.length < 30) return undefined
  const presenceMatrix = warped.map((page) => {
    const row = new Uint8Array(sharp.xs.length)
    for (let i = 0; i < row.length; i++) row[i] = bitAt(page, sharp.ys[i]! * frame.width + sharp.xs[i]!)
    return row
  })
  // Print of one page type comes and goes together: the leading component of "which page has ink at
  // which sharp point", signed so that the seed's type is positive, picks the seed's type out.
  const loading = leadingComponent(presenceMatrix, candidates.indexOf(seed))
  const top = Math.max(...loading)
  if (!(top > 0)) return undefined
  const printIdx = loading.flatMap((v, i) => (v > top * 0.4 ? [i] : []))
  if (printIdx.length < 10) return undefined
  const scores = presenceMatrix.map((row) => printIdx.reduce((sum, i) => sum + row[i]!, 0) / printIdx.length)
  const split = twoGroups(scores)
  if (process.env.KORRIGO_DEBUG_LEARN) console.log('seed', seed.sheet, 'sharp', sharp.xs.length, 'print', printIdx.length, 'scores', scores.map((x, i) => `${candidates[i]!.sheet}:${x.toFixed(2)}`).join(' '), split)
  if (!split) return undefined
  let group = new Set(candidates.filter((_, i) => scores[i]! > split.threshold))
  if (group.size < 2) return undefined
  // One more round on the print the group shares (the sharp points most of its pages have): the
  // group settles, then its common ink is the first-page template.
  const inGroup = presenceMatrix.filter((_, i) => group.has(candidates[i]!))
  const shared = printIdx.length ? Array.from(sharp.xs, (_, j) => j).filter((j) => inGroup.reduce((n, row) => n + row[j]!, 0) >= inGroup.length * 0.7) : []
  if (shared.length < 10) return undefined
  const again = presenceMatrix.map((row) => shared.reduce((sum, j) => sum + row[j]!, 0) / shared.length)
  const settled = twoGroups(again)
  if (process.env.KORRIGO_DEBUG_LEARN) console.log('again', shared.length, again.map((x, i) => `${candidates[i]!.sheet}:${x.toFixed(2)}`).join(' '), settled)
  if (!settled) return undefined
  group = new Set(candidates.filter((_, i) => again[i]! > settled.threshold))
  if (group.size < 2) return undefined
  const members = warped.filter((_, i) => group.has(candidates[i]!))
  const final = consensus({ pages: unpackEach(members, fromBits), frame })
  return { seed, separation: settled.separation, group, template: final, background, crisp: crispPixels({ template: final, members }) }
}

/** The common print must be on this share of the sheets, the batch's first among them, to be one-page copies' print. */
const COMMON_PRINT_SHARE = 0.6

/**
 * Copies of one page: the print most sheets carry is the first page, the sheets without it (lined or squared
 * paper a student added) follow the copy before them. Aligned on the batch's first sheet (a batch starts with a
 * copy), the print inked near the same place on most sheets is found, and each sheet scored by how much of it
 * it carries; taken only when the batch's first sheet carries it, most sheets do, some clearly do not, and it is
 * print (crisp), not the ghost of writing every student puts in the same place.
 */
const tryCommonPrint = ({ candidates, sides, targetOf }: { candidates: Candidate[]; sides: Unit[]; targetOf: (u: Unit) => Target }): Attempt | undefined => {
  const seed = candidates[0]!
  const { frame, alignmentOf, background } = alignedOn({ seed, sides, targetOf })
  const warped = candidates.map((c) => toBits(warpToFrame({ mask: unitMask(c.unit)!, alignment: alignmentOf(c.unit), frame })))
  const common = consensus({ pages: unpackEach(warped, fromBits), frame, share: COMMON_PRINT_SHARE })
  const points = samplePoints(common, 1500)
  if (points.xs.length < 30) return undefined
  const carried = warped.map((page) => {
    let on = 0
    for (let i = 0; i < points.xs.length; i++) on += bitAt(page, points.ys[i]! * frame.width + points.xs[i]!)
    return on / points.xs.length
  })
  const split = twoGroups(carried)
  if (!split || split.separation < MIN_SEPARATION || !(carried[0]! > split.threshold)) return undefined
  const group = new Set(candidates.filter((_, i) => carried[i]! > split.threshold))
  if (group.size === candidates.length || group.size < candidates.length * COMMON_PRINT_SHARE) return undefined
  const members = warped.filter((_, i) => group.has(candidates[i]!))
  const template = consensus({ pages: unpackEach(members, fromBits), frame })
  const crisp = crispPixels({ template, members })
  if (crisp < MIN_CRISP) return undefined
  return { seed, separation: split.separation, group, template, background, crisp }
}

const crispPixels = ({ template, members }: { template: Mask; members: BitMask[] }): number => {
  const need = Math.ceil(members.length * CRISP_SHARE)
  let crisp = 0
  for (let k = 0; k < template.data.length; k++) {
    if (!template.data[k]) continue
    let on = 0
    for (const m of members) on += bitAt(m, k)
    if (on >= need) crisp++
  }
  return crisp
}
