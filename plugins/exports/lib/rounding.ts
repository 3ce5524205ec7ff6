import { UnknownRoundingError } from './errors'
import type { RoundingRule } from './types'

/** Rounding rules for the mark out of 20. Kept on globalThis so every bundle of the app sees one registry. */
const slot = globalThis as { __korrigoRoundingRules?: Map<string, RoundingRule> }
const rules = (): Map<string, RoundingRule> => (slot.__korrigoRoundingRules ??= new Map())

const nearest = (step: number) => (mark: number) => Math.round(Math.round(mark / step) * step * 1e6) / 1e6

export const BUILT_IN_ROUNDING: RoundingRule[] = [
  { id: 'hundredth', label: 'Au centième', round: nearest(0.01) },
  { id: 'tenth', label: 'Au dixième', round: nearest(0.1) },
  { id: 'quarter', label: 'Au quart de point', round: nearest(0.25) },
  { id: 'half', label: 'Au demi-point', round: nearest(0.5) },
]
export const DEFAULT_ROUNDING = 'hundredth'

export const registerRoundingRule = (rule: RoundingRule): void => {
  rules().set(rule.id, rule)
}

export const roundingRules = (): RoundingRule[] => {
  const all = new Map(BUILT_IN_ROUNDING.map((r) => [r.id, r]))
  for (const [id, rule] of rules()) all.set(id, rule)
  return [...all.values()]
}

export const roundingRule = (id: string = DEFAULT_ROUNDING): RoundingRule => {
  const all = roundingRules()
  const rule = all.find((r) => r.id === id)
  if (!rule) throw new UnknownRoundingError(id, all.map((r) => r.id))
  return rule
}
