import {
  buildResultsTable,
  correctorStatistics,
  DEVIATION_THRESHOLD,
  examStatistics,
  markHistogram,
  pointsHistogram,
  questionStatistics,
  roundingRule,
  type AttributedGrade,
  type TableCopy,
} from '../../../plugins/exports/lib'

const counts = (bins: { count: number }[]) => bins.map((b) => b.count)

describe('histograms', () => {
  it('puts marks /20 in ten bins of two points, 20 in the last', () => {
    expect(counts(markHistogram([0, 1.99, 2, 10, 19.5, 20]))).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2])
  })

  it('gives one bar per possible mark when a question has few', () => {
    const bins = pointsHistogram({ values: [0, 1.5, 1.5, 2, 4], maxPoints: 4, step: 0.5 })
    expect(bins.map((b) => b.from)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4])
    expect(bins.every((b) => b.from === b.to)).toBe(true)
    expect(counts(bins)).toEqual([1, 0, 0, 2, 1, 0, 0, 0, 1])
  })

  it('falls back to ten ranges over 0..max when there are many marks, edges in the upper bar', () => {
    const bins = pointsHistogram({ values: [0, 1.8, 5.99, 6, 20, 19.75], maxPoints: 20, step: 0.25 })
    expect(bins).toHaveLength(10)
    expect(bins[0]).toEqual({ from: 0, to: 2, count: 2 })
    expect(bins[2]).toEqual({ from: 4, to: 6, count: 1 })
    expect(bins[3]).toEqual({ from: 6, to: 8, count: 1 })
    expect(bins[9]).toEqual({ from: 18, to: 20, count: 2 })
    // 1.8 / 0.6 is just under 3 in floating point: it still belongs to [1.8, 2.4)
    expect(counts(pointsHistogram({ values: [1.8], maxPoints: 6, step: 0.25 }))[3]).toBe(1)
  })
})

describe('question statistics', () => {
  it('gives the spread and the distribution of one question', () => {
    const q = questionStatistics({ question: { key: 'Q2', label: '', maxPoints: 5, step: 1 }, points: [1, 2, 4, 5] })
    expect(q).toMatchObject({ key: 'Q2', label: 'Q2', graded: 4, mean: 3, median: 3, stdDev: 1.58, min: 1, max: 5, successRate: 0.6 })
    expect(counts(q.histogram)).toEqual([0, 1, 1, 0, 1, 1])
  })

  it('is empty but well-formed when nothing is marked', () => {
    const q = questionStatistics({ question: { key: 'Q1', maxPoints: 2, step: 1 }, points: [] })
    expect(q).toMatchObject({ graded: 0, mean: 0, median: 0, stdDev: 0, successRate: 0 })
    expect(counts(q.histogram)).toEqual([0, 0, 0])
  })

  it('counts finalized copies only, per question', () => {
    const copies: TableCopy[] = [
      { anonymousId: 'A', status: 'finalized', grades: [{ questionKey: 'Q1', points: 4 }] },
      { anonymousId: 'B', status: 'finalized', grades: [{ questionKey: 'Q1', points: 2 }] },
      { anonymousId: 'C', status: 'marking', grades: [{ questionKey: 'Q1', points: 0 }] },
    ]
    const stats = examStatistics(buildResultsTable({ exam: { id: 1, title: 'T' }, questions: [{ key: 'Q1', maxPoints: 4, step: 1 }], copies, rounding: roundingRule() }))
    expect(counts(stats.questions[0]!.histogram)).toEqual([0, 0, 1, 0, 1])
    expect(counts(stats.histogram)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 1])
  })
})

describe('corrector statistics', () => {
  const questions = [
    { key: 'Q1', maxPoints: 10, step: 1 },
    { key: 'Q2', maxPoints: 10, step: 1 },
  ]
  const grade = (corrector: string | null, copy: string, questionKey: string, points: number): AttributedGrade => ({ corrector, copy, questionKey, points })
  // Q1 is hard for everyone; "s" (severe) marks Q1 and Q2 low, "n" and "l" mark Q2 fairly and generously.
  const grades = [
    grade('s', 'c1', 'Q1', 2),
    grade('s', 'c2', 'Q1', 3),
    grade('s', 'c1', 'Q2', 4),
    grade('s', 'c2', 'Q2', 4),
    grade('n', 'c3', 'Q1', 3),
    grade('n', 'c3', 'Q2', 7),
    grade('n', 'c4', 'Q2', 7),
    grade('l', 'c5', 'Q1', 5),
    grade('l', 'c5', 'Q2', 9),
    grade('l', 'c6', 'Q2', 9),
    grade(null, 'c7', 'Q2', 5),
  ]
  const names = { s: 'Sévère Sylvie', n: 'Neutre Nadia', l: 'Large Louis' }

  it('compares each corrector with the others on the questions they marked', () => {
    const stats = correctorStatistics({ grades, questions, names, viewer: { id: 'admin', seesNames: true } })
    expect(stats.unattributed).toBe(1)
    expect(stats.threshold).toBe(DEVIATION_THRESHOLD)
    // admins read the list by name
    expect(stats.correctors.map((c) => c.name)).toEqual(['Large Louis', 'Neutre Nadia', 'Sévère Sylvie'])
    const byName = Object.fromEntries(stats.correctors.map((c) => [c.name, c]))
    const severe = byName['Sévère Sylvie']!
    expect(severe).toMatchObject({ id: 's', grades: 4, copies: 2, meanRate: 0.33, tendency: 'severe' })
    // on Q1 (2 grades) others average 0.4, on Q2 (2 grades) 0.8: 0.6 weighted; Sylvie's 0.325 on them
    expect(severe.othersRate).toBe(0.6)
    expect(severe.deviation).toBe(-0.28)
    expect(byName['Large Louis']).toMatchObject({ tendency: 'lenient' })
    expect(byName['Large Louis']!.deviation!).toBeGreaterThanOrEqual(DEVIATION_THRESHOLD)
    expect(byName['Neutre Nadia']).toMatchObject({ tendency: 'in-line', grades: 3, copies: 2 })
  })

  it('shows a teacher their own name only, first, and numbers the others', () => {
    const stats = correctorStatistics({ grades, questions, names: { n: 'Neutre Nadia' }, viewer: { id: 'n', seesNames: false } })
    expect(stats.correctors.map((c) => [c.number, c.name, c.isViewer, c.id])).toEqual([
      [1, 'Neutre Nadia', true, 'n'],
      [2, null, false, undefined],
      [3, null, false, undefined],
    ])
    expect(JSON.stringify(stats)).not.toMatch(/Sylvie|Louis|"s"|"l"/)
  })

  it('makes no judgement without others to compare with, or on too few grades', () => {
    const alone = correctorStatistics({ grades: [grade('a', 'c1', 'Q1', 1), grade('a', 'c2', 'Q1', 2)], questions, names: {}, viewer: { id: 'x', seesNames: true } })
    expect(alone.correctors[0]).toMatchObject({ meanRate: 0.15, name: null })
    expect(alone.correctors[0]!.deviation).toBeUndefined()
    expect(alone.correctors[0]!.tendency).toBeUndefined()
    const few = correctorStatistics({ grades: [grade('a', 'c1', 'Q1', 0), grade('b', 'c2', 'Q1', 10)], questions, names: {}, viewer: { id: 'x', seesNames: true } })
    expect(few.correctors[0]!.deviation).toBe(-1)
    expect(few.correctors[0]!.tendency).toBeUndefined()
  })
})
