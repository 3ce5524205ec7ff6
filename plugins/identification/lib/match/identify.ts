import { assignGlobally } from './assign'
import { birthDateDigits, dateWitness } from './dateWitness'
import { MatchInputError } from './errors'
import { lexiconScores, prepareLexiconStudent } from './lexicon'
import { prepareReading, prepareStudent, scorePair, type PairScore } from './score'
import type { CopyIdentification, CopyReading, MatchOptions, MatchStudent, SheetReading } from './types'

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  threshold: 0.7,
  stringSupport: 0.35,
  stringNoise: 0.4,
  stringLead: 0.15,
  wideLead: 0.15,
  wideFloor: 0.45,
  margin: 0.1,
  partialMargin: 0.18,
  unknownScore: 0.45,
  maxCandidates: 5,
  closeNames: 0.6,
  closeShare: 0.6,
  dateConfirmed: 0.9,
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

/**
 * Identifies a whole class at once. Scores every (copy, student) pair, solves one
 * global assignment (a copy may match nobody, a student may be absent), then only
 * names a copy automatically when its assigned student beats the runner-up by a
 * margin both for the copy (second-best student) and for the student (second-best
 * copy) and passes the threshold. Everything else is left for a person, with the
 * ranked candidates: a wrong name is far worse than a question.
 */
export const identifyCopies = ({
  copies,
  students,
  options = {},
}: {
  copies: CopyReading[]
  students: MatchStudent[]
  options?: Partial<MatchOptions>
}): CopyIdentification[] => {
  const opts = { ...DEFAULT_MATCH_OPTIONS, ...options }
  assertUniqueKeys({ keys: copies.map((c) => c.copyKey), what: 'copy' })
  assertUniqueKeys({ keys: students.map((s) => s.studentKey), what: 'student' })

  // A student whose name split is unsure is scored under each split: one "variant" per split, the
  // best of them is the student's score.
  const variants = students.flatMap((student, index) => splitsOf(student).map((names) => ({ index, student: { ...student, ...names } })))
  const prepared = variants.map((v) => prepareStudent(v.student))
  const lexicon = variants.map((v) => prepareLexiconStudent(v.student))
  const bestPerStudent = <T extends { score: number }>(row: T[]): T[] => {
    const out: T[] = []
    row.forEach((pair, k) => {
      const j = variants[k]!.index
      if (!out[j] || pair.score > out[j]!.score) out[j] = pair
    })
    return out
  }
  const dates = students.map((s) => birthDateDigits(s.birthDate))
  /** One header against the class: each student's score, and the strings' alone (the lattice left out). */
  const scoreSheet = (sheet: SheetReading): SheetScores => {
    const reading = prepareReading(sheet)
    // Two readers of the same header: strings against names, and names against the recogniser's
    // lattice. The lattice separates near-duplicates far better (Martins needs an "s" that is not
    // there; "martin" is still 6/7 of "martins" as a string), so where it can be used it leads and the
    // strings only count handicapped by one margin: a string match that clearly names someone else
    // still narrows the lead and leaves the copy for a person.
    const strings = prepared.map((student) => scorePair({ reading, student }))
    const stringsPerStudent = bestPerStudent(strings)
    const lattice = reading.named ? lexiconScores({ reading: sheet, students: lexicon }) : null
    const bestString = Math.max(0, ...strings.map((pair) => pair.score))
    const latticeLead = lattice ? leadOverOthers({ scores: lattice.scores, owner: (k) => variants[k]!.index }) : undefined
    const row = !lattice
      ? stringsPerStudent
      : bestPerStudent(
          strings.map((pair, j) => {
            if (lattice.scores[j]! < pair.score - opts.margin) return { score: pair.score - opts.margin, partial: pair.partial }
            // The lattice alone, against strings that read nothing like the name ("Sos..r"nnn" for COSTA Emma), or
            // that read another student's name far better (LEBRETON-VIDAL read, the lattice fitting MATHIEU in the
            // label's print): an unsure recogniser's frames can fit any name, so the lattice ranks the suggestions
            // and a person decides.
            const unsupported = pair.score < opts.stringSupport || bestString - pair.score > opts.stringLead || (pair.score < opts.stringNoise && pair.score < bestString)
            const lead = latticeLead!(j)
            // A lattice that fits several names about as well (frames it is unsure of) says nothing of this one: the
            // strings speak for the copy, and it does not take a student from the copy that reads the name.
            if (unsupported && lead < opts.margin) return pair
            // Supported, but the lattice ranks another student well above this one (that one unsupported: BONNET Matéo's
            // frames fit him 0.95, his strings read "Banakalen"): the lattice names nobody, least of all its second.
            const ranksOnly = unsupported || lead <= -opts.margin
            return { score: ranksOnly ? Math.min(lattice.scores[j]!, opts.threshold - 0.01) : lattice.scores[j]!, partial: lattice.partial[j]! }
          }),
        )
    // A birth date read (at most one digit off, alone at that distance) is a second witness, independent of the name's
    // handwriting: where the name does not point elsewhere (the student is within a margin of the best and above
    // "nobody") and rules out every classmate born a misread digit away (leads each of them by the margin), the two
    // together name the student — DUPONT / DURANT Éloïse apart by their dates where "ZUFCNT" was all the name gave.
    const witness = reading.named ? dateWitness({ reading, dates }) : undefined
    if (witness && row[witness.student]) {
      const j = witness.student
      const others = Math.max(0, ...row.flatMap((pair, k) => (k === j ? [] : [pair.score])))
      const clear = !witness.nearDates.some((k) => row[j]!.score - (row[k]?.score ?? 0) < opts.margin)
      if (clear && row[j]!.score >= opts.unknownScore && others - row[j]!.score < opts.margin) row[j] = { score: Math.max(row[j]!.score, opts.dateConfirmed), partial: false }
    }
    return { pairs: row, strings: stringsPerStudent.map((pair) => pair.score), named: reading.named }
  }
  // A copy of several sheets is scored on the header its student wrote most clearly: one sheet written clearly
  // names the copy where the first was scrawled. Not each student's best sheet: every misreading would add a
  // rival, and a faint hand's lead over the class (below) would drown in them.
  const sheetScores = copies.map((copy) => bestOfSheets({ sheets: [copy, ...(copy.sheets ?? [])].map(scoreSheet), margin: opts.margin }))
  const pairs = sheetScores.map((s) => s.pairs)
  const stringRows = sheetScores.map((s) => s.strings)
  const named = sheetScores.map((s) => s.named)
  const scores = pairs.map((row) => row.map((pair) => pair.score))
  const neighbours = closeNeighbours({ students, threshold: opts.closeNames })

  // Unnamed copies take no part in the assignment: they could only steal a student.
  const namedRows = named.flatMap((isNamed, i) => (isNamed ? [i] : []))
  const assigned = new Map<number, number | null>()
  const solution = assignGlobally({ scores: namedRows.map((i) => scores[i]!), unknownScore: opts.unknownScore })
  namedRows.forEach((row, k) => assigned.set(row, solution[k] ?? null))

  return copies.map((copy, i) => {
    const row = scores[i]!
    const candidates = row
      .map((score, j) => ({ studentKey: students[j]!.studentKey, score: round3(score) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, opts.maxCandidates)
    const review = (reason: NonNullable<CopyIdentification['reason']>): CopyIdentification => ({
      copyKey: copy.copyKey,
      status: 'needs_review',
      studentKey: null,
      confidence: round3(candidates[0]?.score ?? 0),
      candidates,
      reason,
    })

    if (!named[i]) return review('unnamed')
    const column = assigned.get(i)
    if (column === null || column === undefined) return review('unassigned')
    const score = row[column]!
    const otherStudents = Math.max(0, ...row.filter((_, j) => j !== column))
    const rivals = namedRows.filter((r) => r !== i && !explainedElsewhere({ row: scores[r]!, column: assigned.get(r), student: column, opts }) && !fitsMany({ row: scores[r]!, student: column, margin: opts.margin }))
    const otherCopies = Math.max(0, ...rivals.map((r) => scores[r]![column]!))
    const partial = pairs[i]![column]!.partial
    if (score < opts.threshold && !wideLead({ score, partial, otherStudents, otherCopies, strings: stringRows[i]!, column, opts })) return review('low_score')
    const copyMargin = partial ? opts.partialMargin : opts.margin
    if (score - otherStudents < copyMargin) return review('ambiguous_copy')
    if (score - otherCopies < opts.margin) return review('ambiguous_student')
    // A classmate whose name is a few letters away (DUPONT / DURANT Chloé): the reading must cover most
    // of the distance between the two names (an exact reading covers all of it), or a person decides.
    for (const near of neighbours[column]!) {
      if (score - row[near.index]! < Math.max(opts.margin, opts.closeShare * (1 - near.similarity))) return review('close_names')
    }
    return {
      copyKey: copy.copyKey,
      status: 'identified',
      studentKey: students[column]!.studentKey,
      confidence: round3(score),
      candidates,
    }
  })
}

type SheetScores = { pairs: PairScore[]; strings: number[]; named: boolean }

/** How far a sheet's best student leads its second, and who that is. */
const leadOf = (sheet: SheetScores): { top: number; lead: number } => {
  const ranked = sheet.pairs.map((pair, j) => ({ j, score: pair.score })).sort((a, b) => b.score - a.score)
  return { top: ranked[0]?.j ?? -1, lead: (ranked[0]?.score ?? 0) - (ranked[1]?.score ?? 0) }
}

/**
 * The sheet a copy is named on: the one whose best student leads the rest most clearly. Where another sheet leads
 * clearly to someone else, the sheets disagree: each student keeps their best score on any sheet, and the leads
 * asked for later leave the copy to a person.
 */
const bestOfSheets = ({ sheets, margin }: { sheets: SheetScores[]; margin: number }): SheetScores => {
  const read = sheets.filter((s) => s.named).map((sheet) => ({ sheet, ...leadOf(sheet) }))
  if (read.length <= 1) return read[0]?.sheet ?? sheets[0]!
  const best = read.reduce((a, b) => (b.lead > a.lead ? b : a))
  if (!read.some((r) => r.top !== best.top && r.lead >= margin)) return best.sheet
  return {
    pairs: best.sheet.pairs.map((_, j) => read.map((r) => r.sheet.pairs[j]!).reduce((a, b) => (b.score > a.score ? b : a))),
    strings: best.sheet.strings.map((_, j) => Math.max(...read.map((r) => r.sheet.strings[j]!))),
    named: true,
  }
}

/** How far each score stands above the best score of another owner (a student scored under several name splits). */
const leadOverOthers = ({ scores, owner }: { scores: number[]; owner: (k: number) => number }): ((k: number) => number) => {
  const best = new Map<number, number>()
  scores.forEach((score, k) => best.set(owner(k), Math.max(score, best.get(owner(k)) ?? 0)))
  const ranked = [...best.entries()].sort((a, b) => b[1] - a[1])
  return (k) => scores[k]! - ((ranked[0]?.[0] === owner(k) ? ranked[1]?.[1] : ranked[0]?.[1]) ?? 0)
}

/**
 * A faint or unusual hand reads far from every name (JOLY Victor read "WiciorMULY w ieM/o6/zou]": 0.56) yet much
 * further from all the others. On the generated classes a copy whose top student led the runner-up by more than
 * 0.1 was never someone else's where the strings, not the recogniser's lattice, gave the lead: so the strings
 * alone must lead as well, by the same wide margin, and the lead must rest on both names ("Corn" led COLIN
 * Gabriel by 0.18 on a last name alone, for DUPONT Paul).
 */
const wideLead = ({ score, partial, otherStudents, otherCopies, strings, column, opts }: { score: number; partial: boolean; otherStudents: number; otherCopies: number; strings: number[]; column: number; opts: MatchOptions }): boolean => {
  if (partial || score < opts.wideFloor || score - otherStudents < opts.wideLead || score - otherCopies < opts.margin) return false
  const otherStrings = Math.max(0, ...strings.filter((_, j) => j !== column))
  return strings[column]! - otherStrings >= opts.wideLead
}

/** Other students a rival copy must fit about as well as this one before its fit says nothing of this one. */
const MANY_FITS = 2

/**
 * A rival copy that fits this student no better than two others (within the margin) is a copy its reader is unsure
 * of, not a second claim to this student: ANDRÉ Alice's garbled one-line header (one-line-a3 --seed 10) fit TRAORÉ
 * Théo 0.82, FAURE Emma 0.80, FAURE Inès 0.79, and left both TRAORÉ's and FAURE's own copies (0.78, 0.88) unnamed.
 */
const fitsMany = ({ row, student, margin }: { row: number[]; student: number; margin: number }): boolean =>
  row.filter((v, j) => j !== student && v >= row[student]! - margin).length >= MANY_FITS

/**
 * A rival copy that looks a bit like this student does not make it ambiguous when
 * the assignment gave that copy to another student who fits it clearly better (by
 * the margin, above the threshold): Martin Léa's copy is not a threat to Martins
 * Léa's when it reads "Martin". Errors on two copies at once would be needed to
 * turn this into a wrong name.
 */
const explainedElsewhere = ({
  row,
  column,
  student,
  opts,
}: {
  row: number[]
  column: number | null | undefined
  student: number
  opts: MatchOptions
}): boolean =>
  column !== null && column !== undefined && column !== student && row[column]! >= opts.threshold && row[column]! - row[student]! >= opts.margin

/**
 * For each student, the classmates a perfect reading of their name would still score above `threshold`
 * (how the scorer itself sees the two names), with that score: the roster's own confusability.
 */
export const closeNeighbours = ({ students, threshold }: { students: MatchStudent[]; threshold: number }): { index: number; similarity: number }[][] => {
  // Quadratic in the roster (seconds for a year group): computed once per roster, however many times
  // the same class is matched (piece by piece when fragments are grouped).
  const cached = neighbourCache.get(students)?.get(threshold)
  if (cached) return cached
  const prepared = students.map((s) => prepareStudent(s))
  const result = students.map((student, i) => {
    const perfect = prepareReading({ fields: { lastName: [{ text: student.lastName, confidence: 1 }], firstName: [{ text: student.firstName, confidence: 1 }] } })
    return prepared.flatMap((other, j) => {
      if (j === i) return []
      const similarity = scorePair({ reading: perfect, student: other }).score
      return similarity >= threshold ? [{ index: j, similarity }] : []
    })
  })
  neighbourCache.set(students, new Map([...(neighbourCache.get(students) ?? []), [threshold, result]]))
  return result
}

const neighbourCache = new WeakMap<MatchStudent[], Map<number, { index: number; similarity: number }[][]>>()

const splitsOf = (student: MatchStudent) => [
  { lastName: student.lastName, firstName: student.firstName },
  ...(student.nameSplits ?? []).filter((s) => s.lastName !== student.lastName || s.firstName !== student.firstName),
]

const assertUniqueKeys = ({ keys, what }: { keys: string[]; what: string }) => {
  const seen = new Set<string>()
  for (const key of keys) {
    if (seen.has(key)) throw new MatchInputError({ message: `duplicate ${what} key "${key}"` })
    seen.add(key)
  }
}
