import { identifyCopies, type CopyIdentification, type MatchOptions } from '../../../../plugins/identification/lib/match/index.js'
import { simulateExam, type NoiseProfile } from './classroom.js'
import { createRng } from './prng.js'

export type Evaluation = {
  identified: number
  correct: number
  wrong: { copyKey: string; got: string; expected: string | null; detail: CopyIdentification; reading: unknown }[]
  namedCopies: number
  unnamedIdentified: number
  precision: number
  coverage: number
}

/** Runs `classes` simulated exams and counts automatic names against the truth. */
export const evaluate = ({ seed, classes, profile, options }: { seed: number; classes: number; profile: NoiseProfile; options?: Partial<MatchOptions> }): Evaluation => {
  let identified = 0, correct = 0, namedCopies = 0, unnamedIdentified = 0
  const wrong: Evaluation['wrong'] = []
  for (let c = 0; c < classes; c++) {
    const rng = createRng(seed * 1000 + c)
    const exam = simulateExam({ rng, profile })
    const results = identifyCopies({ copies: exam.copies, students: exam.students, options })
    for (const result of results) {
      const expected = exam.truth.get(result.copyKey) ?? null
      if (expected !== null) namedCopies++
      if (result.copyKey === exam.unnamedKey && result.status === 'identified') unnamedIdentified++
      if (result.status !== 'identified') continue
      identified++
      if (result.studentKey === expected) correct++
      else wrong.push({ copyKey: result.copyKey, got: describe(exam, result.studentKey), expected: expected && describe(exam, expected), detail: result, reading: exam.copies.find((x) => x.copyKey === result.copyKey) })
    }
  }
  return { identified, correct, wrong, namedCopies, unnamedIdentified, precision: identified === 0 ? 1 : correct / identified, coverage: correct / namedCopies }
}

const describe = (exam: ReturnType<typeof simulateExam>, key: string | null) => {
  const s = exam.students.find((x) => x.studentKey === key)
  return s ? `${s.lastName} ${s.firstName} ${s.birthDate}` : String(key)
}
