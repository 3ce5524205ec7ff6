import { DEFAULT_MATCH_OPTIONS, identifyCopies } from './identify'
import { sameHand } from './sameHand'
import type { CopyReading, MatchOptions, MatchStudent } from './types'

/**
 * A piece of a copy as ingestion cut it: one sheet (or run of sheets) that starts with a first page.
 * Exam rules make students write their name on every sheet, so one student's copy of three copies
 * doubles arrives as three pieces; an annex scanned apart arrives as a piece of another batch.
 */
export type Fragment = {
  key: string
  batch: string
  /** first and last source page of the piece in its batch */
  firstPage: number
  lastPage: number
  /** pages in the piece: the largest piece of a student is the copy the others join */
  pages: number
  /**
   * A sheet of a batch cut sheet by sheet because the exam had copies already (annexes, late sheets): it
   * belongs to a copy more than it is one, so it never heads a join.
   */
  loose?: boolean
  reading: CopyReading
  /** The page numbers the student wrote on the piece's pages, as read (null: none read), under one count. */
  written?: { total: number; numbers: (number | null)[] }
}

/**
 * Pieces to join, the copy they join first. `namedBy`: the piece whose reading names the student with
 * certainty, when the head's own reading does not (the joined copy is identified on that evidence).
 */
export type FragmentGroup = {
  pieces: string[]
  namedBy?: string
  /** joined because its pieces' written page numbers follow each other */
  byNumbers?: true
  /** joined because its pieces' headers say the same name in the same hand, a name the class list does not read */
  byHand?: true
}

/** `top`: the student the reading scores best, however low (two sheets of one hand must not point at two classmates). */
type Verdict = { sure?: string; leaning?: string; top?: string }

/**
 * Who a piece names on its own (no class-wide exclusivity): `sure` only for a certain, unambiguous name;
 * `leaning` for the student a reading would name if the bar were the matcher's "nobody" score instead of
 * its threshold — every other test passed (the lead over the next student, over a classmate with a close
 * name) — enough to confirm what another piece says, never to name a copy.
 */
const verdictOf = ({ fragment, students, options }: { fragment: Fragment; students: MatchStudent[]; options: MatchOptions }): Verdict => {
  // Alone, a piece has no rival copies to lose a wide lead to: a join rests on names above the threshold.
  const resultUnder = (bar: MatchOptions) => identifyCopies({ copies: [fragment.reading], students, options: { ...bar, wideLead: Infinity } })[0]
  const named = (result: ReturnType<typeof resultUnder>) => (result?.status === 'identified' ? (result.studentKey ?? undefined) : undefined)
  const result = resultUnder(options)
  const sure = named(result)
  return { sure, leaning: sure ?? named(resultUnder({ ...options, threshold: options.unknownScore })), top: result?.candidates[0]?.studentKey }
}

/** Pieces of one batch that follow each other; `student`: the one they name, at least one of them for sure. */
type Run = { student?: string; pieces: Fragment[]; byNumbers?: true; byHand?: true }

const follows = (a: Fragment, b: Fragment) => a.batch === b.batch && a.lastPage + 1 === b.firstPage

/**
 * A student's sheets come together in a scan: pieces in a row that name one student for sure are one
 * run. On paper where students write their name on every sheet — loose sheets, or a batch where two
 * pieces in a row (or around a third) name one student for sure — a weak reading beside a sure one agrees with it: pieces
 * in a row that lean to one student, one of them sure, are one run, and a piece that leans to no one (a
 * header left blank, an unreadable hand) between two of them, no larger than theirs, is theirs too.
 * Elsewhere (one piece per copy) a weak copy beside a sure one is another student's, unread.
 * Everything else is a run of one piece.
 */
const runsOf = ({ ordered, verdicts }: { ordered: Fragment[]; verdicts: Map<string, Verdict> }): Run[] => {
  const sureOf = (f: Fragment) => verdicts.get(f.key)?.sure
  // a student named for sure on two pieces in a row, or on both sides of one
  const twice = (f: Fragment, i: number) =>
    [1, 2].some((back) => {
      const before = ordered[i - back]
      return before && sureOf(f) && sureOf(before) === sureOf(f) && (back === 1 ? follows(before, f) : follows(before, ordered[i - 1]!) && follows(ordered[i - 1]!, f))
    })
  const sheetByBatch = new Set(ordered.flatMap((f, i) => (f.loose || twice(f, i) ? [f.batch] : [])))
  const leaningOf = (f: Fragment | undefined) => (f ? (sheetByBatch.has(f.batch) ? verdicts.get(f.key)?.leaning : sureOf(f)) : undefined)
  const runs: Run[] = []
  let i = 0
  while (i < ordered.length) {
    const first = ordered[i]!
    const student = leaningOf(first)
    let end = i
    for (let j = i + 1; student && j < ordered.length && follows(ordered[j - 1]!, ordered[j]!); j++) {
      const piece = ordered[j]!
      if (leaningOf(piece) === student) end = j
      else {
        const largest = Math.max(...ordered.slice(i, j).map((f) => f.pages))
        const gap = verdicts.get(piece.key)?.leaning === undefined && piece.pages <= largest && ordered[j + 1] && follows(piece, ordered[j + 1]!) && leaningOf(ordered[j + 1]) === student
        if (!gap) break
      }
    }
    const pieces = ordered.slice(i, end + 1)
    if (student && pieces.some((f) => verdicts.get(f.key)?.sure === student)) {
      runs.push({ student, pieces })
      i = end + 1
    } else {
      runs.push({ pieces: [first] })
      i++
    }
  }
  return runs
}

/** Fewer numbers read on a piece than this say nothing about where it stands in a copy. */
const MIN_WRITTEN = 2

/**
 * A piece's numbers as its student wrote them: one number lower than a number read before it on the piece is a
 * misreading ("3 4 1" for "3 4 5": a 5 whose loop the pen left open), not a copy starting again — a piece holding a
 * second copy is cut where its numbers restart (see restartOf) before pieces are joined. Two or more such numbers are
 * kept: sheets scanned out of order, which say nothing sure.
 */
const inSequence = (numbers: number[]): number[] => {
  const kept = numbers.filter((n, i) => !numbers.slice(0, i).some((m) => m > n))
  return numbers.length - kept.length === 1 ? kept : numbers
}

const writtenOf = (pieces: Fragment[]) => pieces.flatMap((f) => (f.written ? inSequence(f.written.numbers.filter((n): n is number => n !== null)) : []))

/**
 * The next run carries on the run before it where its student numbered the pages on: every page numbered under
 * one count, the next run's numbers never 1 (no copy starts there) nor any number the run before carries,
 * together no more than the count. A name that cannot be read on a second sheet ("CI AUR+IJ") is then still that
 * copy's sheet: its student numbered it 5 to 8 of 12 after 1 to 4. A run before whose numbers were not read at
 * all carries it on when it holds just the pages the next one's numbers leave before them: a second sheet read
 * "5/8 6/8" after a sheet of four pages whose hand the recogniser could not read. A run some of whose sheets were
 * read and others not (a named sheet whose numbers the pen left faint, then "3/6 4/6") carries it on when its pages
 * all fit before the next run's numbers.
 */
const continues = ({ before, next }: { before: Run; next: Run }): boolean => {
  const more = writtenOf(next.pieces)
  const nextTotals = new Set(next.pieces.map((f) => f.written?.total))
  if (nextTotals.size !== 1 || nextTotals.has(undefined) || more.length < MIN_WRITTEN || more.includes(1)) return false
  const total = [...nextTotals][0]!
  const pages = before.pieces.reduce((n, f) => n + f.pages, 0)
  /** the pages the next run's numbers leave before them */
  const room = Math.min(...more) - 1
  if (before.pieces.every((f) => !f.written)) return pages === room && Math.max(...more) <= total
  const had = writtenOf(before.pieces)
  if (before.pieces.some((f) => f.written && f.written.total !== total) || had.length < MIN_WRITTEN) return false
  // a sheet of the run whose numbers were not read holds some of the pages before the next run's numbers
  if (before.pieces.some((f) => !f.written) && pages > room) return false
  return !more.some((n) => had.includes(n)) && new Set([...had, ...more]).size <= total
}

/**
 * The next run's header says what the header before it says, in the same hand (see `sameHand`), and the two
 * sheets score the same classmate best (a hand too poor to tell MARTIN from MARTINS reads both alike; the class
 * list still tells them apart). An unreadable name ("CI AUR+IJ", "CE AURAIY") written on three sheets in a row is
 * one copy for a person to name, not three.
 */
const sameHeader = ({ before, next, verdicts }: { before: Run; next: Run; verdicts: Map<string, Verdict> }): boolean => {
  const [last, first] = [before.pieces[before.pieces.length - 1]!, next.pieces[0]!]
  const tops = new Set([last, first].flatMap((f) => verdicts.get(f.key)?.top ?? []))
  return tops.size <= 1 && sameHand({ a: last.reading, b: first.reading })
}

/**
 * Runs joined to the run before them where `joins` says the next carries it on (marked `by`): only runs next to
 * each other in the scan, neither loose, no reading on either leaning to another student than the other's.
 */
const joinNeighbours = ({ runs, verdicts, joins, by }: { runs: Run[]; verdicts: Map<string, Verdict>; joins: (o: { before: Run; next: Run; verdicts: Map<string, Verdict> }) => boolean; by: 'byNumbers' | 'byHand' }): Run[] => {
  const out: Run[] = []
  for (const next of runs) {
    const before = out[out.length - 1]
    const [last, first] = [before?.pieces[before.pieces.length - 1], next.pieces[0]!]
    const leanings = new Set([...(before?.pieces ?? []), ...next.pieces].flatMap((f) => verdicts.get(f.key)?.leaning ?? []))
    if (before && last && follows(last, first) && !last.loose && !first.loose && leanings.size <= 1 && joins({ before, next, verdicts }))
      out[out.length - 1] = { student: before.student ?? next.student, pieces: [...before.pieces, ...next.pieces], ...flagsOf(before), ...flagsOf(next), [by]: true }
    else out.push(next)
  }
  return out
}

/** Why a run's pieces were joined, as its group says it. */
const flagsOf = ({ byNumbers, byHand }: Pick<Run, 'byNumbers' | 'byHand'>): Pick<FragmentGroup, 'byNumbers' | 'byHand'> => ({ ...(byNumbers ? { byNumbers } : {}), ...(byHand ? { byHand } : {}) })

/**
 * Which pieces are one student's copy. Within a batch, pieces in a row that name one student are one
 * copy (see `runsOf`); across batches, a piece that names a student whose copy is in another batch
 * joins it (an annex, a late sheet). A loose sheet also joins a copy when two independent readings
 * agree and one of them is certain: the sheet names the student for sure and only one copy leans to
 * that student, or the copy names them for sure and the sheet leans to them (a weak reading confirms,
 * it never decides alone). Each group lists its pieces in the order they join: the student's main
 * piece first (the largest; never a loose sheet when a copy is there), then the rest in scan order.
 * Pieces that name nobody stay on their own: a wrong join is a wrong copy.
 */
export const groupFragments = ({ fragments, students, options = {} }: { fragments: Fragment[]; students: MatchStudent[]; options?: Partial<MatchOptions> }): FragmentGroup[] => {
  const opts = { ...DEFAULT_MATCH_OPTIONS, ...options }
  const verdicts = new Map(fragments.map((f) => [f.key, verdictOf({ fragment: f, students, options: opts })]))
  const ordered = [...fragments].sort((a, b) => a.batch.localeCompare(b.batch) || a.firstPage - b.firstPage)
  const byNumbers = joinNeighbours({ runs: runsOf({ ordered, verdicts }), verdicts, joins: continues, by: 'byNumbers' })
  const runs = joinNeighbours({ runs: byNumbers, verdicts, joins: sameHeader, by: 'byHand' })
  const sureOf = (f: Fragment) => verdicts.get(f.key)?.sure
  /** The group of these pieces, head first, named by its first sure piece when the head is not. */
  const groupOf = (pieces: Fragment[], student: string, joined: Pick<Run, 'byNumbers' | 'byHand'> = {}): FragmentGroup => {
    const namedBy = sureOf(pieces[0]!) === student ? undefined : pieces.find((f) => sureOf(f) === student)?.key
    return { pieces: pieces.map((f) => f.key), ...(namedBy ? { namedBy } : {}), ...flagsOf(joined) }
  }
  // a student's runs in different batches: the main one is the copy, the others join it
  const byStudent = new Map<string, Run[]>()
  for (const run of runs) if (run.student) byStudent.set(run.student, [...(byStudent.get(run.student) ?? []), run])
  const size = (r: Run) => r.pieces.reduce((n, f) => n + f.pages, 0)
  const loose = (r: Run) => Boolean(r.pieces[0]!.loose)
  const mainFirst = (a: Run, b: Run) => Number(loose(a)) - Number(loose(b)) || size(b) - size(a)
  const groups: FragmentGroup[] = []
  const placed = new Set<string>()
  /** the copy (a run that is not loose sheets) each student is surely named on */
  const copyOf = new Map<string, FragmentGroup>()
  for (const [student, studentRuns] of byStudent) {
    const batches = new Set(studentRuns.map((r) => r.pieces[0]!.batch))
    // two separate runs in the same batch name the same student: leave them to a person
    if (batches.size !== studentRuns.length) continue
    const [main, ...rest] = [...studentRuns].sort(mainFirst)
    // only loose sheets name this student for sure: they look for a copy below
    if (loose(main!)) continue
    const group = groupOf([...main!.pieces, ...rest.flatMap((r) => r.pieces)], student, main!)
    for (const key of group.pieces) placed.add(key)
    groups.push(group)
    copyOf.set(student, group)
  }

  // Pieces whose written page numbers follow each other, or whose headers say one unread name, none of them naming
  // a student for sure: one copy, for a person to name.
  for (const run of runs)
    if (!run.student && (run.byNumbers || run.byHand)) {
      groups.push({ pieces: run.pieces.map((f) => f.key), ...flagsOf(run) })
      for (const f of run.pieces) placed.add(f.key)
    }

  // Loose sheets left over (a run of sheets naming one student, or one sheet), confirmed by a second reading.
  const copies = fragments.filter((f) => !f.loose && !placed.has(f.key))
  const leaningCopies = (student: string) => copies.filter((c) => !placed.has(c.key) && verdicts.get(c.key)?.leaning === student)
  const sheetRuns = runs.filter((run) => loose(run) && !placed.has(run.pieces[0]!.key))
  const verdictOfRun = (run: Run): Verdict => (run.student ? { sure: run.student, leaning: run.student } : (verdicts.get(run.pieces[0]!.key) ?? {}))
  // Two sheets leaning to one student: one of them may be another's, so a weak reading confirms nothing.
  const leaners = new Map<string, number>()
  for (const run of sheetRuns) {
    const { leaning } = verdictOfRun(run)
    if (leaning) leaners.set(leaning, (leaners.get(leaning) ?? 0) + 1)
  }
  for (const run of sheetRuns) {
    const keys = run.pieces.map((f) => f.key)
    const { sure, leaning } = verdictOfRun(run)
    const named = leaning ? copyOf.get(leaning) : undefined
    const [only, ...others] = sure && !named ? leaningCopies(sure) : []
    if (named && (sure || leaners.get(leaning!) === 1)) named.pieces.push(...keys)
    else if (only && !others.length) {
      const group = groupOf([only, ...run.pieces], sure!)
      placed.add(only.key)
      groups.push(group)
      copyOf.set(sure!, group)
    } else if (keys.length > 1) groups.push({ pieces: keys })
    else continue
    for (const key of keys) placed.add(key)
  }
  return groups.filter((g) => g.pieces.length > 1)
}
