import { BLANK, CLASS_COUNT, OTHER, SEPARATOR } from './alphabet'

const logAdd = (a: number, b: number) => (a === -Infinity ? b : b === -Infinity ? a : Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))))

// Punctuation and stray marks between letters (a label's colon, a smudge) cost this much, never a name.
const STRAY_MARK_PENALTY = 3

/**
 * Between a name's letters a frame may be empty, a separator (space, hyphen, apostrophe, dot: written
 * or not, "Jean-Pierre" is "jeanpierre") or, at a cost, a stray mark.
 */
const gapLogProbabilities = ({ logp, frames }: { logp: Float64Array; frames: number }): Float64Array => {
  const gap = new Float64Array(frames)
  for (let t = 0; t < frames; t++) {
    const row = t * CLASS_COUNT
    gap[t] = logAdd(logAdd(logp[row + BLANK]!, logp[row + SEPARATOR]!), logp[row + OTHER]! - STRAY_MARK_PENALTY)
  }
  return gap
}

/**
 * The forward algorithm over a target's states (blank, letter, blank, …, blank): after each frame, `visit` sees
 * the log-probability of being in each state. `toEnd`: only states that can still reach the end in the frames
 * left are kept (the whole field must be the target).
 */
const forward = ({ logp, gap, frames, target, toEnd, visit }: { logp: Float64Array; gap: Float64Array; frames: number; target: number[]; toEnd: boolean; visit: (t: number, alpha: Float64Array) => void }): void => {
  const states = 2 * target.length + 1
  const label = (s: number) => (s % 2 === 0 ? BLANK : target[(s - 1) >> 1]!)
  const emit = (t: number, s: number) => (s % 2 === 0 ? gap[t]! : logp[t * CLASS_COUNT + label(s)]!)
  let alpha = new Float64Array(states).fill(-Infinity)
  let next = new Float64Array(states)
  alpha[0] = emit(0, 0)
  alpha[1] = emit(0, 1)
  visit(0, alpha)
  for (let t = 1; t < frames; t++) {
    const first = toEnd ? Math.max(0, states - 2 * (frames - t)) : 0
    next.fill(-Infinity)
    for (let s = first; s < states; s++) {
      let a = alpha[s]!
      if (s >= 1) a = logAdd(a, alpha[s - 1]!)
      if (s >= 2 && s % 2 === 1 && label(s) !== label(s - 2)) a = logAdd(a, alpha[s - 2]!)
      next[s] = a === -Infinity ? a : a + emit(t, s)
    }
    ;[alpha, next] = [next, alpha]
    visit(t, alpha)
  }
}

/** The target wholly written by frame t: its last letter or the blank after it. */
const ended = (alpha: Float64Array) => logAdd(alpha[alpha.length - 1]!, alpha[alpha.length - 2]!)

/**
 * ln P(target | field) under CTC: the sum over every way of spreading the target's classes over
 * the frames with blanks and repeats (the forward algorithm). A target that needs more frames than
 * the field has is impossible (-Infinity).
 */
export const ctcLogLikelihood = ({ logp, frames, target }: { logp: Float64Array; frames: number; target: number[] }): number => {
  const { gap } = fieldTables({ logp, frames })
  if (target.length === 0) return gap.reduce((sum, v) => sum + v, 0)
  let whole = -Infinity
  forward({
    logp,
    gap,
    frames,
    target,
    toEnd: true,
    visit: (t, alpha) => {
      if (t === frames - 1) whole = ended(alpha)
    },
  })
  return whole
}

/**
 * ln P(target written first, then a word break, then anything) — a line that goes on after the name ("JOLY
 * Victor né le 11/06/2008", a class): the name under CTC, the break as one separator frame, the rest as its free
 * reading. The break must be seen, so MARTIN does not fit the start of a written MARTINS.
 */
export const ctcLeadingLogLikelihood = ({ logp, frames, target }: { logp: Float64Array; frames: number; target: number[] }): number => {
  if (target.length === 0 || frames < 3) return -Infinity
  const { gap, freeFrom } = fieldTables({ logp, frames })
  let best = -Infinity
  forward({
    logp,
    gap,
    frames,
    target,
    toEnd: false,
    visit: (t, alpha) => {
      const name = t < frames - 2 ? ended(alpha) : -Infinity
      if (name > -Infinity) best = Math.max(best, name + logp[(t + 1) * CLASS_COUNT + SEPARATOR]! + freeFrom[t + 2]!)
    },
  })
  return best
}

const bestFrame = ({ logp, gap, t }: { logp: Float64Array; gap: Float64Array; t: number }): number => {
  let best = gap[t]!
  for (let k = 0; k < CLASS_COUNT; k++) if (k !== BLANK && k !== SEPARATOR && k !== OTHER) best = Math.max(best, logp[t * CLASS_COUNT + k]!)
  return best
}

/** ln P of the single most likely frame-by-frame reading: how well anything at all explains the field. */
export const bestPathLogLikelihood = ({ logp, frames }: { logp: Float64Array; frames: number }): number => fieldTables({ logp, frames }).freeFrom[0]!

/**
 * What every name scored against one field shares, computed once per field: each frame's gap (see
 * `gapLogProbabilities`) and the free reading's log-likelihood from each frame to the end.
 */
const fieldTables = ({ logp, frames }: { logp: Float64Array; frames: number }): { gap: Float64Array; freeFrom: Float64Array } => {
  const known = tablesOf.get(logp)
  if (known && known.gap.length === frames) return known
  const gap = gapLogProbabilities({ logp, frames })
  const freeFrom = new Float64Array(frames + 1)
  for (let t = frames - 1; t >= 0; t--) freeFrom[t] = freeFrom[t + 1]! + bestFrame({ logp, gap, t })
  const tables = { gap, freeFrom }
  tablesOf.set(logp, tables)
  return tables
}

const tablesOf = new WeakMap<Float64Array, { gap: Float64Array; freeFrom: Float64Array }>()

/** The classes of the most likely frame-by-frame reading, repeats merged, blanks, separators and stray marks dropped. */
export const bestPathClasses = ({ logp, frames }: { logp: Float64Array; frames: number }): number[] => {
  const out: number[] = []
  let previous = -1
  for (let t = 0; t < frames; t++) {
    const row = t * CLASS_COUNT
    let top = 0
    for (let k = 1; k < CLASS_COUNT; k++) if (logp[row + k]! > logp[row + top]!) top = k
    if (top !== previous && top !== BLANK && top !== SEPARATOR && top !== OTHER) out.push(top)
    previous = top
  }
  return out
}
