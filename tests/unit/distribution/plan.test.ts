import { compareMarkings, planDistribution, type DistributionSettings, type ExistingAssignment } from '../../../plugins/distribution/lib'

const copies = Array.from({ length: 30 }, (_, i) => i + 1)
const Q = ['Q1', 'Q2', 'Q3']

const loads = (rows: { corrector: string | number }[]) => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [String(r.corrector)]: (acc[String(r.corrector)] ?? 0) + 1 }), {})

/** The plan applied to nothing: the rows it creates, as existing active rows. */
const asExisting = (plan: ReturnType<typeof planDistribution>, work: (row: { copy: unknown; corrector: unknown }) => Partial<ExistingAssignment> = () => ({})): ExistingAssignment[] =>
  plan.create.map((row, i) => ({ id: i + 1, role: 'marker', state: 'active', done: false, started: false, ...row, ...work(row) }))

describe('distribution by copy', () => {
  const settings: DistributionSettings = { mode: 'copies', correctors: [{ id: 1 }, { id: 2 }, { id: 3 }] }

  it('balances the copies, the same way for the same seed, differently for another', () => {
    const plan = planDistribution({ settings, copies, questionKeys: Q, existing: [], seed: 'exam-7' })
    expect(plan.create).toHaveLength(30)
    expect(loads(plan.create)).toEqual({ '1': 10, '2': 10, '3': 10 })
    expect(plan.create.every((r) => r.questionKeys === null && r.marking === 1)).toBe(true)
    expect(planDistribution({ settings, copies, questionKeys: Q, existing: [], seed: 'exam-7' })).toEqual(plan)
    const other = planDistribution({ settings, copies, questionKeys: Q, existing: [], seed: 'exam-8' })
    expect(other.create.map((r) => r.corrector)).not.toEqual(plan.create.map((r) => r.corrector))
  })

  it('gives a corrector their quota and shares the rest', () => {
    const plan = planDistribution({ settings: { ...settings, correctors: [{ id: 1, quota: 4 }, { id: 2 }, { id: 3 }] }, copies, questionKeys: Q, existing: [], seed: 's' })
    expect(loads(plan.create)).toEqual({ '1': 4, '2': 13, '3': 13 })
  })

  it('when a corrector drops out, keeps what was marked and shares only their unfinished copies', () => {
    const first = planDistribution({ settings, copies, questionKeys: Q, existing: [], seed: 's' })
    const existing = asExisting(first, (row) => (row.corrector === 3 && Number(row.copy) % 2 === 0 ? { done: true } : row.corrector === 3 && Number(row.copy) % 3 === 0 ? { started: true } : {}))
    const doneBy3 = existing.filter((a) => a.corrector === 3 && a.done).length
    const again = planDistribution({ settings: { ...settings, correctors: [{ id: 1 }, { id: 2 }, { id: 3, active: false }] }, copies, questionKeys: Q, existing, seed: 's' })
    // Nothing of 1 and 2 moves; 3's finished copies stay finished; 3's other copies (started or not) go to 1 and 2.
    const released = existing.filter((a) => again.release.includes(a.id))
    expect(released.every((a) => a.corrector === 3)).toBe(true)
    // their finished rows stay (the work is done, it counts); the others are released
    expect(released).toHaveLength(10 - doneBy3)
    expect(existing.filter((a) => a.corrector === 3 && !a.done).every((a) => again.release.includes(a.id))).toBe(true)
    expect(again.create.every((r) => r.corrector !== 3)).toBe(true)
    expect(again.create).toHaveLength(10 - doneBy3)
    const after: Record<string, number> = loads(existing.filter((a) => a.corrector !== 3))
    for (const row of again.create) after[String(row.corrector)] = (after[String(row.corrector)] ?? 0) + 1
    expect(Math.abs(after['1']! - after['2']!)).toBeLessThanOrEqual(1)
  })

  it('double-blind: two different correctors per copy, balanced', () => {
    const plan = planDistribution({ settings: { ...settings, doubleBlind: true }, copies, questionKeys: Q, existing: [], seed: 's' })
    expect(plan.create).toHaveLength(60)
    for (const copy of copies) {
      const rows = plan.create.filter((r) => r.copy === copy)
      expect(rows.map((r) => r.marking).sort()).toEqual([1, 2])
      expect(rows[0]!.corrector).not.toBe(rows[1]!.corrector)
    }
    expect(loads(plan.create)).toEqual({ '1': 20, '2': 20, '3': 20 })
  })
})

describe('distribution by question', () => {
  it('each corrector marks their questions on every copy', () => {
    const settings: DistributionSettings = { mode: 'questions', correctors: [{ id: 'a', questions: ['Q1', 'Q3'] }, { id: 'b', questions: ['Q2'] }] }
    const plan = planDistribution({ settings, copies: [1, 2, 3], questionKeys: Q, existing: [], seed: 's' })
    expect(plan.create).toEqual([
      { copy: 1, corrector: 'a', marking: 1, questionKeys: ['Q1', 'Q3'] },
      { copy: 1, corrector: 'b', marking: 1, questionKeys: ['Q2'] },
      { copy: 2, corrector: 'a', marking: 1, questionKeys: ['Q1', 'Q3'] },
      { copy: 2, corrector: 'b', marking: 1, questionKeys: ['Q2'] },
      { copy: 3, corrector: 'a', marking: 1, questionKeys: ['Q1', 'Q3'] },
      { copy: 3, corrector: 'b', marking: 1, questionKeys: ['Q2'] },
    ])
  })

  it('a question taken by two correctors is split between them', () => {
    const settings: DistributionSettings = { mode: 'questions', correctors: [{ id: 'a', questions: ['Q1', 'Q2'] }, { id: 'b', questions: ['Q2', 'Q3'] }] }
    const plan = planDistribution({ settings, copies, questionKeys: Q, existing: [], seed: 's' })
    const q2 = plan.create.filter((r) => r.questionKeys?.includes('Q2'))
    expect(loads(q2)).toEqual({ a: 15, b: 15 })
  })
})

describe('double-blind comparison', () => {
  it('flags a gap in the totals or in one question beyond the thresholds', () => {
    const m = (entries: [string, number][]) => new Map(entries)
    const close = compareMarkings({ questionKeys: Q, first: m([['Q1', 3], ['Q2', 4], ['Q3', 5]]), second: m([['Q1', 3.5], ['Q2', 4], ['Q3', 4]]), thresholdTotal: 2, thresholdQuestion: null })
    expect(close).toMatchObject({ totals: { '1': 12, '2': 11.5 }, gap: 0.5, flagged: false })
    const question = compareMarkings({ questionKeys: Q, first: m([['Q1', 4], ['Q2', 0]]), second: m([['Q1', 0], ['Q2', 4]]), thresholdTotal: 2, thresholdQuestion: 1.5 })
    expect(question.flagged).toBe(true)
    expect(question.reasons).toEqual(['question Q1 differs by 4 (threshold 1.5)', 'question Q2 differs by 4 (threshold 1.5)'])
    expect(compareMarkings({ questionKeys: Q, first: m([['Q1', 8]]), second: m([['Q1', 5]]), thresholdTotal: 2 }).reasons).toEqual(['totals differ by 3 (threshold 2)'])
  })
})
