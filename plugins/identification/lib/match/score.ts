import { birthDateDigits, type DateDigits } from './dateWitness'
import { compactName, nameTokens, nameVariants, type NameVariant } from './normalize'
import { similarity } from './similarity'
import type { FieldCandidate, MatchStudent, SheetReading } from './types'

// Weights chosen on simulated classes (see tests): first names separate siblings,
// last names separate near-duplicates with the same first name, so both count.
const LAST_WEIGHT = 0.55
const FIRST_WEIGHT = 0.45
/** A last name alone is good evidence but never as good as both names. */
const LAST_ONLY_FACTOR = 0.88
/** A first name alone is weak: many classes have two Léa. */
const FIRST_ONLY_FACTOR = 0.6
const SWAPPED_FACTOR = 0.97
const INITIAL_MATCH = 0.75
const DATE_WEIGHT = 0.15

export type PreparedStudent = {
  student: MatchStudent
  last: NameVariant[]
  first: NameVariant[]
  /** Both orders of "last first", compacted, for "Nom et prénom" boxes. */
  full: NameVariant[]
  dateDigits: DateDigits | null
}

export const prepareStudent = (student: MatchStudent): PreparedStudent => {
  const last = nameVariants(student.lastName)
  const first = nameVariants(student.firstName)
  const firstWhole = compactName(student.firstName)
  const full: NameVariant[] = []
  for (const l of last) {
    full.push({ text: l.text + firstWhole, weight: l.weight })
    full.push({ text: firstWhole + l.text, weight: l.weight })
  }
  return { student, last, first, full, dateDigits: birthDateDigits(student.birthDate) }
}

type PreparedText = { text: string; confidence: number }

/** A "Nom et prénom" read cut at one word boundary into two names, either order. */
type FullSplit = { a: PreparedText; b: PreparedText }

/** Reading candidates reduced to compact folded text; empty reads are dropped. */
export type PreparedReading = {
  last: PreparedText[]
  first: PreparedText[]
  full: PreparedText[]
  fullSplits: FullSplit[]
  date: PreparedText[]
  named: boolean
}

export const prepareReading = (reading: SheetReading): PreparedReading => {
  const names = (list: FieldCandidate[] | undefined) =>
    (list ?? [])
      .flatMap((c) => [c.text, ...beforeBirth(c.text)].map((text) => ({ text: compactName(text), confidence: clamp01(c.confidence) })))
      .filter((c) => c.text.length > 0)
  const dates = [
    ...(reading.fields.birthDate ?? []).map((c) => ({ text: c.text.replace(/\D+/g, ''), confidence: clamp01(c.confidence) })),
    // a birth date written on a name's line ("DUPONT Chloé née le 20/05/2008", "Prénom : Nathan né le 11/10/2008")
    ...[reading.fields.fullName, reading.fields.firstName, reading.fields.lastName].flatMap((list) =>
      (list ?? []).flatMap((c) => writtenDates(c.text).map((text) => ({ text, confidence: clamp01(c.confidence) }))),
    ),
  ].filter((c) => c.text.length >= 4)
  const last = names(reading.fields.lastName)
  const first = names(reading.fields.firstName)
  const full = names(reading.fields.fullName)
  const fullSplits: FullSplit[] = []
  for (const candidate of reading.fields.fullName ?? []) {
    const tokens = nameTokens(candidate.text)
    const confidence = clamp01(candidate.confidence)
    // A line written with no label often goes on after the name ("ROUSSEL Jules né le 24/05/2008", the
    // class): its first words, two or more, are read as the name too. The name comes first on such a line.
    for (let n = 2; n < tokens.length; n++) full.push({ text: tokens.slice(0, n).join(''), confidence })
    for (let n = 2; n <= tokens.length; n++)
      for (let k = 1; k < n; k++) fullSplits.push({ a: { text: tokens.slice(0, k).join(''), confidence }, b: { text: tokens.slice(k, n).join(''), confidence } })
  }
  return { last, first, full, fullSplits, date: dates, named: last.length + first.length + full.length > 0 }
}

/**
 * The digits of each date-like run in a line of writing that goes on after a name: digits with separators
 * between them, five or more, after two letters at least. A name field read as digits alone ("108116" for a
 * first name in cells) is a misreading, not a date.
 */
const writtenDates = (text: string): string[] => {
  const plain = (source: string) =>
    [...source.matchAll(/\d[\d\s/.\-]*\d/g)]
      .filter((m) => /\p{L}.*\p{L}/u.test(source.slice(0, m.index)))
      .map((m) => m[0].replace(/\D+/g, ''))
      .filter((digits) => digits.length >= 5)
  const read = plain(text)
  const shaped = withDigitLookAlikes(text)
  return shaped === text ? read : [...new Set([...read, ...plain(shaped)])]
}

/** Letters a recogniser reads for handwritten digits (a round 0 an o, a 2 a z, a 1 an l). */
const DIGIT_LOOK_ALIKES: Record<string, string> = { o: '0', O: '0', l: '1', I: '1', i: '1', z: '2', Z: '2', s: '5', S: '5', b: '6', B: '8', g: '9', q: '9' }

/**
 * A date's shape — two separators between groups of one or two, one or two, and two to four characters, most of
 * them digits — with its look-alike letters read as the digits they stand for: "o6/o9/z007" is 06/09/2007.
 */
const withDigitLookAlikes = (text: string): string =>
  text.replace(/[\doOlIizZsSbBgq]{1,2}[/.\-][\doOlIizZsSbBgq]{1,2}[/.\-][\doOlIizZsSbBgq]{2,4}/g, (group) => {
    const chars = group.replace(/[/.\-]/g, '')
    const digits = chars.replace(/\D/g, '').length
    return digits * 2 >= chars.length ? group.replace(/[oOlIizZsSbBgq]/g, (c) => DIGIT_LOOK_ALIKES[c]!) : group
  })

/** Fewer digits than this after a name are no birth date (a day and a month at least). */
const DATE_DIGITS = 4

/**
 * A name's line that goes on with the birth date ("Prénom : Ethan né le 16/05/2008", the date misread as letters
 * as often as not): the words before "né(e) le", or before the first digit, are the name alone.
 */
const beforeBirth = (text: string): string[] => {
  const cut = text.search(/(^|[\s.,:;])n[ée]e?(\s+l[ea]?(?=[\s\d.:,]|$)|l[ea]?(?=\d))|\d/iu)
  if (cut <= 0) return []
  // a digit starts a date only when a date's digits follow: "MARTIN83 Aua" is MARTINEZ Awa misread, not MARTIN born "83"
  if (/\d/.test(text[cut]!) && (text.slice(cut).match(/\d/g)?.length ?? 0) < DATE_DIGITS) return []
  const head = text.slice(0, cut)
  return compactName(head).length >= 2 && compactName(head) !== compactName(text) ? [head] : []
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0)

// Engine confidence is poorly calibrated on handwriting, so it only nudges.
const confidenceFactor = (confidence: number) => 0.9 + 0.1 * confidence

const bestMatch = (reads: PreparedText[], targets: NameVariant[]): number | null => {
  if (reads.length === 0) return null
  let best = 0
  for (const read of reads)
    for (const target of targets) best = Math.max(best, similarity(read.text, target.text) * target.weight * confidenceFactor(read.confidence))
  return best
}

/**
 * An initial ("M." or "M") agrees or not with the first letter; it never counts as
 * much as a full first name.
 */
const firstNameMatch = (reads: PreparedText[], targets: NameVariant[]): number | null => {
  if (reads.length === 0) return null
  const initials = reads.filter((r) => r.text.length <= 1)
  const words = reads.filter((r) => r.text.length > 1)
  let best = words.length > 0 ? bestMatch(words, targets)! : 0
  for (const initial of initials)
    if (targets.some((t) => t.weight === 1 && t.text[0] === initial.text)) best = Math.max(best, INITIAL_MATCH)
  return best
}

type NameScore = { score: number; partial: boolean }

const combineNames = (last: number | null, first: number | null, firstIsInitial: boolean): NameScore => {
  if (last !== null && first !== null) return { score: LAST_WEIGHT * last + FIRST_WEIGHT * first, partial: firstIsInitial }
  if (last !== null) return { score: LAST_ONLY_FACTOR * last, partial: true }
  if (first !== null) return { score: FIRST_ONLY_FACTOR * first, partial: true }
  return { score: 0, partial: true }
}

const dateMatch = (reads: PreparedText[], digits: PreparedStudent['dateDigits']): number | null => {
  if (reads.length === 0 || !digits) return null
  let best = 0
  for (const read of reads) {
    const target = read.text.length <= 6 ? digits.short : digits.long
    best = Math.max(best, similarity(read.text, target))
  }
  return best
}

export type PairScore = {
  score: number
  /**
   * The best explanation rests on one name only (or a first-name initial): one
   * misread letter could then turn Martins into Martin, so callers ask for a wider
   * margin before naming the copy.
   */
  partial: boolean
}

const onlyInitials = (reads: PreparedText[]) => reads.length > 0 && reads.every((r) => r.text.length <= 1)

const best = (options: NameScore[]): NameScore => options.reduce((a, b) => (b.score > a.score ? b : a), { score: 0, partial: true })

/** Names read in the intended boxes, or in each other's box. */
const boxedOptions = (student: PreparedStudent, last: PreparedText[], first: PreparedText[], swapFactor: number): NameScore[] => {
  const direct = combineNames(bestMatch(last, student.last), firstNameMatch(first, student.first), onlyInitials(first))
  const swapped = combineNames(bestMatch(first, student.last), firstNameMatch(last, student.first), onlyInitials(last))
  return [direct, { score: swapFactor * swapped.score, partial: swapped.partial }]
}

/** Similarity (0..1) between what was read on a copy and one roster student. */
export const scorePair = ({ reading, student }: { reading: PreparedReading; student: PreparedStudent }): PairScore => {
  if (!reading.named) return { score: 0, partial: true }
  const options = boxedOptions(student, reading.last, reading.first, SWAPPED_FACTOR)
  // Both names in one box, or written across the two boxes at the wrong split.
  const fullReads = [...reading.full]
  if (reading.first.length === 0) fullReads.push(...reading.last)
  for (const l of reading.last) for (const f of reading.first) fullReads.push({ text: l.text + f.text, confidence: Math.min(l.confidence, f.confidence) })
  options.push({ score: bestMatch(fullReads, student.full) ?? 0, partial: false })
  // A "Nom et prénom" box: either order is normal, and one name may be all there is.
  for (const { a, b } of reading.fullSplits) options.push(...boxedOptions(student, [a], [b], 1))
  if (reading.full.length > 0) options.push(...boxedOptions(student, reading.full, [], 1))
  const name = best(options)
  const date = dateMatch(reading.date, student.dateDigits)
  return {
    score: date === null ? name.score : (1 - DATE_WEIGHT) * name.score + DATE_WEIGHT * date,
    partial: name.partial,
  }
}
