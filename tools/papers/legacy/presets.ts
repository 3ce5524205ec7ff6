import { planA3Batch, planA4Batch } from './batches.js'

/** The first generator's batches (framed header only), kept byte for byte: the ingestion tests were tuned on them. */
export type LegacyBatchName = 'a3-class' | 'a4-class' | 'a4-mini' | 'a3-mini' | 'a3-harsh' | 'a4-harsh' | `a4-large-${number}` | `a3-large-${number}`

export const isLegacyName = (name: string): name is LegacyBatchName =>
  /^(a3|a4)-(class|mini|harsh)$/.test(name) || /^(a3|a4)-large-\d+$/.test(name)

export const legacyPlan = (name: LegacyBatchName) => {
  const large = /^(a3|a4)-large-(\d+)$/.exec(name)
  if (large) {
    const n = Number(large[2])
    return large[1] === 'a3'
      ? { layout: 'a3-booklet' as const, seed: 303, plan: planA3Batch({ seed: 303, copies: 0, targetPages: n }) }
      : { layout: 'a4' as const, seed: 404, plan: planA4Batch({ seed: 404, copies: 0, targetPages: n }) }
  }
  switch (name) {
    case 'a3-class':
      return { layout: 'a3-booklet' as const, seed: 31, plan: planA3Batch({ seed: 31, copies: 26, unnamed: [7] }) }
    case 'a4-class':
      return { layout: 'a4' as const, seed: 41, plan: planA4Batch({ seed: 41, copies: 26, unnamed: [17], sideways: [5, 12] }) }
    case 'a3-harsh':
      return { layout: 'a3-booklet' as const, seed: 33, harsh: true, plan: planA3Batch({ seed: 33, copies: 12, unnamed: [3] }) }
    case 'a4-harsh':
      return { layout: 'a4' as const, seed: 43, harsh: true, plan: planA4Batch({ seed: 43, copies: 12, unnamed: [4], sideways: [2] }) }
    case 'a3-mini':
      return { layout: 'a3-booklet' as const, seed: 32, plan: planA3Batch({ seed: 32, copies: 3 }) }
    case 'a4-mini':
      return { layout: 'a4' as const, seed: 42, plan: planA4Batch({ seed: 42, copies: 4, unnamed: [1] }) }
    default:
      throw new Error(`unknown batch "${name}"`)
  }
}
