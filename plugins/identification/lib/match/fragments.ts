import { identifyCopies } from './identify'
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
  reading: CopyReading
}

/** Who a piece names on its own (no class-wide exclusivity): only a sure, unambiguous name counts. */
const ownName = ({ fragment, students, options }: { fragment: Fragment; students: MatchStudent[]; options?: Partial<MatchOptions> }): string | undefined => {
  const [result] = identifyCopies({ copies: [fragment.reading], students, options })
  return result?.status === 'identified' ? (result.studentKey ?? undefined) : undefined
}

/**
 * Which pieces are one student's copy. Within a batch, pieces that follow each other in the scan and
 * each name the same student with certainty are one copy; across batches, a piece that names a student
 * whose copy is in another batch joins it (an annex, a late sheet). Each group lists its pieces in the
 * order they join: the student's largest piece first, then the rest in scan order. Pieces that name
 * nobody with certainty stay on their own: a wrong join is a wrong copy.
 */
export const groupFragments = ({ fragments, students, options }: { fragments: Fragment[]; students: MatchStudent[]; options?: Partial<MatchOptions> }): string[][] => {
  const named = new Map(fragments.map((f) => [f.key, ownName({ fragment: f, students, options })]))
  const ordered = [...fragments].sort((a, b) => a.batch.localeCompare(b.batch) || a.firstPage - b.firstPage)
  // runs of adjacent pieces of one batch naming one student
  const runs: Fragment[][] = []
  for (const f of ordered) {
    const run = runs[runs.length - 1]
    const last = run?.[run.length - 1]
    const student = named.get(f.key)
    if (run && last && student && last.batch === f.batch && last.lastPage + 1 === f.firstPage && named.get(last.key) === student) run.push(f)
    else runs.push([f])
  }
  // a student's runs in different batches: the largest is the copy, the others join it
  const byStudent = new Map<string, Fragment[][]>()
  for (const run of runs) {
    const student = named.get(run[0]!.key)
    if (!student) continue
    byStudent.set(student, [...(byStudent.get(student) ?? []), run])
  }
  const groups: string[][] = []
  const placed = new Set<string>()
  for (const [, studentRuns] of byStudent) {
    const batches = new Set(studentRuns.map((r) => r[0]!.batch))
    // two separate runs in the same batch name the same student: leave them to a person
    if (batches.size !== studentRuns.length) continue
    const size = (r: Fragment[]) => r.reduce((n, f) => n + f.pages, 0)
    const [main, ...rest] = [...studentRuns].sort((a, b) => size(b) - size(a))
    const group = [...main!, ...rest.flat()].map((f) => f.key)
    for (const key of group) placed.add(key)
    if (group.length > 1) groups.push(group)
  }
  return groups
}
