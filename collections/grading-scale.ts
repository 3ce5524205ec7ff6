/** The grading scale is pure data shared by the server (validation, totals) and the clients. */
export type ScaleQuestion = { key: string; label?: string | null; maxPoints: number; step: number }

const EPSILON = 1e-9

export const isOnStep = (value: number, step: number): boolean => {
  const ratio = value / step
  return Math.abs(ratio - Math.round(ratio)) < 1e-6
}

/** Why `points` is not a valid mark for a question: the grade messages (grade-messages.ts) put it in words. */
export type PointsProblem =
  | { code: 'notANumber' }
  | { code: 'belowZero'; points: number }
  | { code: 'aboveMax'; points: number; max: number }
  | { code: 'offStep'; points: number; step: number }

/** What is wrong with `points` as a mark for `question`, or undefined when it is a valid one. */
export const checkPoints = ({ points, question }: { points: unknown; question: ScaleQuestion }): PointsProblem | undefined => {
  if (typeof points !== 'number' || !Number.isFinite(points)) return { code: 'notANumber' }
  if (points < -EPSILON) return { code: 'belowZero', points }
  if (points > question.maxPoints + EPSILON) return { code: 'aboveMax', points, max: question.maxPoints }
  if (!isOnStep(points, question.step)) return { code: 'offStep', points, step: question.step }
  return undefined
}

/** Problems of a whole scale, each naming its question; empty when the scale is usable. */
export const scaleProblems = (questions: ScaleQuestion[]): string[] => {
  const problems: string[] = []
  const seen = new Set<string>()
  questions.forEach((q, index) => {
    const where = `question ${index + 1}${q.key ? ` (${q.key})` : ''}`
    if (!q.key?.trim()) problems.push(`${where}: a key is required`)
    else if (seen.has(q.key)) problems.push(`${where}: the key "${q.key}" is used twice`)
    seen.add(q.key)
    if (!(q.step > 0)) problems.push(`${where}: the step must be above 0`)
    if (!(q.maxPoints > 0)) problems.push(`${where}: the maximum must be above 0`)
    else if (q.step > 0 && !isOnStep(q.maxPoints, q.step))
      problems.push(`${where}: the maximum ${q.maxPoints} is not a multiple of the step ${q.step}`)
  })
  return problems
}

export const scaleMaximum = (questions: ScaleQuestion[]): number => questions.reduce((sum, q) => sum + q.maxPoints, 0)

/** The total of a copy: only questions of the scale count, each clamped to its maximum. */
export const totalOf = ({ grades, questions }: { grades: { questionKey: string; points: number | null | undefined }[]; questions: ScaleQuestion[] }): number => {
  const max = new Map(questions.map((q) => [q.key, q.maxPoints]))
  const total = grades.reduce((sum, g) => {
    const cap = max.get(g.questionKey)
    if (cap === undefined || typeof g.points !== 'number') return sum
    return sum + Math.min(Math.max(g.points, 0), cap)
  }, 0)
  return Math.round(total * 1e6) / 1e6
}
