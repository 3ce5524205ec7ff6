import { isOnStep, type ScaleQuestion } from '../../../collections/grading-scale'
import type { RubricRefusal } from './rubricMessages'

/** A rubric item as the computation needs it: positive points add, negative points deduct, 0 is a remark. */
export type RubricWeight = { points: number }

const snap = (value: number, step: number): number => Math.round(Math.round(value / step) * step * 1e6) / 1e6

/**
 * Where the applied items start from: full marks when every applied item deducts (Gradescope's negative
 * scoring), zero otherwise (items that add, possibly with deductions among them).
 */
export const rubricBase = ({ question, items }: { question: ScaleQuestion; items: RubricWeight[] }): number =>
  items.length > 0 && items.every((i) => i.points < 0) ? question.maxPoints : 0

/** Base plus the items, before the adjustment and the clamp: what a typed mark is measured against. */
export const rubricSum = ({ question, items }: { question: ScaleQuestion; items: RubricWeight[] }): number =>
  snap(rubricBase({ question, items }) + items.reduce((sum, i) => sum + i.points, 0), question.step)

/**
 * The question's points from its applied items and the teacher's own adjustment, kept inside 0 … max so the
 * mark is always one the scale accepts.
 */
export const rubricPoints = ({ question, items, adjustment = 0 }: { question: ScaleQuestion; items: RubricWeight[]; adjustment?: number }): number =>
  Math.min(question.maxPoints, Math.max(0, snap(rubricSum({ question, items }) + adjustment, question.step)))

/** A typed mark on a question with items: the adjustment that makes the items give exactly that mark. */
export const adjustmentFor = ({ question, items, points }: { question: ScaleQuestion; items: RubricWeight[]; points: number }): number =>
  snap(points - rubricSum({ question, items }), question.step)

/** What is wrong with an item's points for its question (put in words by rubricMessage), or undefined. */
export const rubricItemProblem = ({ question, points }: { question: ScaleQuestion; points: unknown }): RubricRefusal | undefined => {
  if (typeof points !== 'number' || !Number.isFinite(points)) return { code: 'notANumber' }
  if (Math.abs(points) > question.maxPoints + 1e-9) return { code: 'beyondMax', points, max: question.maxPoints, question: question.key }
  if (!isOnStep(points, question.step)) return { code: 'offStep', points, step: question.step, question: question.key }
  return undefined
}
