import type { ScaleQuestion } from '../types'
import { round2 } from './distribution'

/** A grade of a finalized copy, with who gave it (ids as strings). */
export type AttributedGrade = { copy: string; questionKey: string; points: number; corrector: string | null }

/** Who reads the figures: admins see every name, a teacher only their own. */
export type StatisticsViewer = { id: string; seesNames: boolean }

export type Tendency = 'severe' | 'lenient' | 'in-line'

export type CorrectorFigures = {
  /** Only for admins (a teacher gets their own): the user's id. */
  id?: string
  /** null when anonymised: the admin shows "Correcteur <number>". */
  name: string | null
  number: number
  isViewer: boolean
  grades: number
  copies: number
  /** Mean success rate (points / max) over every grade they gave, 0..1. */
  meanRate: number
  /** The other correctors' success rate on the same questions, weighted like theirs; undefined when nobody else marked them. */
  othersRate?: number
  /** Their rate minus the others' on those same questions: below zero marks harder. */
  deviation?: number
  /** Only when it can be compared on enough grades. */
  tendency?: Tendency
}

export type CorrectorStatistics = {
  correctors: CorrectorFigures[]
  /** Grades without a recorded corrector (imported, or their account deleted). */
  unattributed: number
  /** |deviation| from which a corrector is called severe or lenient. */
  threshold: number
}

/** Ten points of success rate: a full point on a 10-point question, two on a 20-point exam. */
export const DEVIATION_THRESHOLD = 0.1
/** Fewer comparable grades than this say nothing about a marker. */
export const MIN_COMPARABLE_GRADES = 3

const collator = new Intl.Collator('fr', { sensitivity: 'base' })

type Tally = { sum: number; count: number }
const add = (map: Map<string, Tally>, key: string, rate: number) => {
  const t = map.get(key) ?? { sum: 0, count: 0 }
  t.sum += rate
  t.count++
  map.set(key, t)
}

/**
 * Per-corrector averages, to spot a severe or lenient marker. Comparing raw means would blame whoever
 * marked the hard questions, so each corrector is compared with the others **on the questions they
 * marked**: for each such question, their mean success rate against the others' mean on it, weighted by
 * how many of its grades they gave.
 */
export const correctorStatistics = ({
  grades,
  questions,
  names,
  viewer,
}: {
  grades: AttributedGrade[]
  questions: ScaleQuestion[]
  names: Record<string, string>
  viewer: StatisticsViewer
}): CorrectorStatistics => {
  const maxOf = new Map(questions.map((q) => [q.key, q.maxPoints]))
  const rated = grades.filter((g) => (maxOf.get(g.questionKey) ?? 0) > 0)
  const unattributed = rated.filter((g) => !g.corrector).length
  const byCorrector = new Map<string, AttributedGrade[]>()
  const perQuestion = new Map<string, Map<string, Tally>>()
  for (const g of rated) {
    if (!g.corrector) continue
    byCorrector.set(g.corrector, [...(byCorrector.get(g.corrector) ?? []), g])
    const tallies = perQuestion.get(g.questionKey) ?? new Map<string, Tally>()
    add(tallies, g.corrector, g.points / maxOf.get(g.questionKey)!)
    perQuestion.set(g.questionKey, tallies)
  }

  const figures = [...byCorrector.entries()].map(([corrector, own]) => {
    const meanRate = own.reduce((s, g) => s + g.points / maxOf.get(g.questionKey)!, 0) / own.length
    let mine = 0
    let others = 0
    let weight = 0
    for (const tallies of perQuestion.values()) {
      const self = tallies.get(corrector)
      if (!self) continue
      const rest = [...tallies.entries()].filter(([id]) => id !== corrector).reduce((t, [, v]) => ({ sum: t.sum + v.sum, count: t.count + v.count }), { sum: 0, count: 0 })
      if (!rest.count) continue
      mine += self.sum
      others += (rest.sum / rest.count) * self.count
      weight += self.count
    }
    const deviation = weight ? (mine - others) / weight : undefined
    const tendency: Tendency | undefined =
      deviation === undefined || weight < MIN_COMPARABLE_GRADES ? undefined : deviation <= -DEVIATION_THRESHOLD ? 'severe' : deviation >= DEVIATION_THRESHOLD ? 'lenient' : 'in-line'
    return {
      corrector,
      grades: own.length,
      copies: new Set(own.map((g) => g.copy)).size,
      meanRate: round2(meanRate),
      othersRate: weight ? round2(others / weight) : undefined,
      deviation: deviation === undefined ? undefined : round2(deviation),
      tendency,
    }
  })

  const isViewer = (id: string) => id === viewer.id
  // Admins read a list by name; a teacher sees themselves first, then the others by how much they marked.
  figures.sort((a, b) =>
    viewer.seesNames
      ? collator.compare(names[a.corrector] ?? '', names[b.corrector] ?? '') || a.corrector.localeCompare(b.corrector)
      : Number(isViewer(b.corrector)) - Number(isViewer(a.corrector)) || b.grades - a.grades || a.corrector.localeCompare(b.corrector),
  )
  return {
    correctors: figures.map(({ corrector, ...rest }, index) => {
      const visible = viewer.seesNames || isViewer(corrector)
      return {
        ...(visible ? { id: corrector } : {}),
        name: visible ? (names[corrector] ?? null) : null,
        number: index + 1,
        isViewer: isViewer(corrector),
        ...rest,
      }
    }),
    unattributed,
    threshold: DEVIATION_THRESHOLD,
  }
}
