import type { RoundingRule } from '../../plugins/exports'

/** The school's rule: marks out of 20 go UP to the next half point (12.1 → 12.5, 12.5 → 12.5). */
export const halfPointUp: RoundingRule = {
  id: 'half-point-up',
  label: 'Au demi-point supérieur',
  // The epsilon keeps 12.5000000001 (floating-point noise) from becoming 13.
  round: (mark) => Math.ceil(mark * 2 - 1e-9) / 2,
}
