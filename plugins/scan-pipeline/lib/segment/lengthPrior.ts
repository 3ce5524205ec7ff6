import type { SheetDecision } from './decode'
import type { Sheet } from './sheets'

/** Log-odds per page a copy falls short of its expected length (a missing page is rare)… */
const SHORT_COST = 1.2
/** … and per page beyond it (loose sheets are common: cheaper). */
const LONG_COST = 0.25
/** A length learned from the batch is a weaker prior than one the exam declares. */
const LEARNED_WEIGHT = 0.5

/**
 * The cost (≤ 0, log-odds) of ending a copy after `units` sides, from the exam's declared pages per
 * copy or the batch's usual length. Undefined when neither is known: no prior.
 */
export const lengthPrior = ({ expected, usual }: { expected?: number; usual?: number }): ((units: number) => number) | undefined => {
  const target = expected ?? usual
  if (!target) return undefined
  const weight = expected ? 1 : LEARNED_WEIGHT
  return (units) => -weight * (SHORT_COST * Math.max(0, target - units) + LONG_COST * Math.max(0, units - target))
}

/** The most common number of sides per copy in a first decoding (undefined under 3 copies). */
export const typicalLength = ({ decisions, sheets }: { decisions: SheetDecision[]; sheets: Sheet[] }): number | undefined => {
  const lengths: number[] = []
  let current = 0
  decisions.forEach((d, i) => {
    if (d.role.starts && current > 0) {
      lengths.push(current)
      current = 0
    }
    current += sheets[i]!.units.length
  })
  if (current > 0) lengths.push(current)
  if (lengths.length < 3) return undefined
  const counts = new Map<number, number>()
  for (const l of lengths) counts.set(l, (counts.get(l) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
}
