import type { ScaleQuestion } from '../types'
import { distribution, round2 } from './distribution'
import { pointsHistogram, type Bin } from './histogram'

export type QuestionStatistics = {
  key: string
  label: string
  maxPoints: number
  graded: number
  mean: number
  /** Mean points over the maximum, 0..1. */
  successRate: number
  median: number
  stdDev: number
  min: number
  max: number
  histogram: Bin[]
}

/** One question across the finalized copies that have a mark for it. */
export const questionStatistics = ({ question, points }: { question: ScaleQuestion; points: number[] }): QuestionStatistics => {
  const d = distribution(points)
  return {
    key: question.key,
    label: question.label || question.key,
    maxPoints: question.maxPoints,
    graded: points.length,
    mean: d?.mean ?? 0,
    successRate: d && question.maxPoints > 0 ? round2(d.mean / question.maxPoints) : 0,
    median: d?.median ?? 0,
    stdDev: d?.stdDev ?? 0,
    min: d?.min ?? 0,
    max: d?.max ?? 0,
    histogram: pointsHistogram({ values: points, maxPoints: question.maxPoints, step: question.step }),
  }
}
