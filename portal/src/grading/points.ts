import type { ScaleQuestion } from '../api/types'

const snap = (value: number, step: number): number => Math.round(Math.round(value / step) * step * 1e6) / 1e6

/** Half marks rounded down to the question's step (half of 5 by 1 is 2, by 0.5 is 2.5). */
export const halfPoints = (q: ScaleQuestion): number => snap(Math.floor(q.maxPoints / 2 / q.step) * q.step, q.step)

export const stepPoints = (q: ScaleQuestion, current: number | undefined, direction: 1 | -1): number =>
  Math.min(q.maxPoints, Math.max(0, snap((current ?? 0) + direction * q.step, q.step)))

const clamp = (q: ScaleQuestion, value: number): number => Math.min(q.maxPoints, Math.max(0, value))

/**
 * The points a saved comment gives the question. Negative points are a deduction from what the question
 * has (from full marks when it has nothing yet), rounded down to the step; others are the question's points.
 * Both stay inside 0 … max, so the server never refuses the mark and the comment with it.
 */
export const commentPoints = (q: ScaleQuestion, current: number | undefined, points: number): number => {
  if (points >= 0) return clamp(q, snap(points, q.step))
  const deducted = (current ?? q.maxPoints) + points
  return clamp(q, snap(Math.floor(deducted / q.step + 1e-9) * q.step, q.step))
}

/** Parses what the teacher typed ("2,5" is French for 2.5); undefined when it is not a number at all. */
export const parsePoints = (text: string): number | undefined => {
  const value = Number(text.trim().replace(',', '.'))
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined
}

export const formatPoints = (value: number | undefined | null, language: string): string =>
  value === undefined || value === null ? '' : value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 })
