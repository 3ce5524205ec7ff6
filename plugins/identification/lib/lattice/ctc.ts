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
 * the log-probability of being in each state. `endOf`: only states that can still reach the end of a target this
 * many states long in the frames left are kept (the whole field must be the target; a prefix's, the shortest whole
 * it starts); without it every state is kept.
 */
const forward = ({ logp, gap, frames, target, endOf, visit }: { logp: Float64Array; gap: Float64Array; frames: number; target: number[]; endOf?: number; visit: (t: number, alpha: Float64Array) => void }): void => {
  const states = 2 * target.length + 1
  const label = (s: number) => (s % 2 === 0 ? BLANK : target[(s - 1) >> 1]!)
  const emit = (t: number, s: number) => (s % 2 === 0 ? gap[t]! : logp[t * CLASS_COUNT + label(s)]!)
  let alpha = new Float64Array(states).fill(-Infinity)
  let next = new Float64Array(states)
  alpha[0] = emit(0, 0)
  alpha[1] = emit(0, 1)
  visit(0, alpha)
  for (let t = 1; t < frames; t++) {
    const first = endOf ? Math.max(0, endOf - 2 * (frames - t)) : 0
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
    endOf: 2 * target.length + 1,
    visit: (t, alpha) => {
      if (t === frames - 1) whole = ended(alpha)
    },
  })
  return whole
}

/**
 * ctcLogLikelihood of `prefix` followed by each of `suffixes` (every "n / N" of a page-number spot: a few
 * dozen prefixes, each with dozens of suffixes), the same values bit for bit: the prefix's states do not
 * depend on what follows it, so they are run once and each suffix runs only its own states, fed by the
 * prefix's last letter and the blank after it. States that cannot reach the end in the frames left never
 * feed one that can (see forward's `endOf`), so leaving some of them in changes no result.
 */
export const ctcLogLikelihoodsAfter = ({ logp, frames, prefix, suffixes }: { logp: Float64Array; frames: number; prefix: number[]; suffixes: number[][] }): Float64Array => {
  const out = new Float64Array(suffixes.length).fill(-Infinity)
  if (frames < 1) return out
  if (prefix.length === 0 || suffixes.some((q) => q.length === 0)) {
    suffixes.forEach((q, i) => (out[i] = ctcLogLikelihood({ logp, frames, target: [...prefix, ...q] })))
    return out
  }
  const { gap } = fieldTables({ logp, frames })
  const shortest = Math.min(...suffixes.map((q) => q.length))
  // The prefix's last letter and the blank after it, frame by frame.
  const lastLetter = new Float64Array(frames).fill(-Infinity)
  const blankAfter = new Float64Array(frames).fill(-Infinity)
  const p = prefix.length
  forward({
    logp,
    gap,
    frames,
    target: prefix,
    visit: (t, alpha) => {
      lastLetter[t] = alpha[2 * p - 1]!
      blankAfter[t] = alpha[2 * p]!
    },
    endOf: 2 * (p + shortest) + 1,
  })
  const from = 2 * p + 1
  const longest = 2 * (p + Math.max(...suffixes.map((q) => q.length))) + 1
  // Each state's class (odd states; blanks are the gap), the prefix's last letter in front of the suffix's.
  const labels = new Int32Array(longest).fill(BLANK)
  labels[from - 2] = prefix[p - 1]!
  let alpha = new Float64Array(longest)
  let next = new Float64Array(longest)
  suffixes.forEach((q, i) => {
    const states = from + 2 * q.length
    for (let k = 0; k < q.length; k++) labels[from + 2 * k] = q[k]!
    alpha.fill(-Infinity)
    alpha[from - 2] = lastLetter[0]!
    alpha[from - 1] = blankAfter[0]!
    for (let t = 1; t < frames; t++) {
      // Only states reachable by now (two a frame at most) that can still reach the end.
      const first = Math.max(from, states - 2 * (frames - t))
      const last = Math.min(states - 1, 2 * t + 1)
      const row = t * CLASS_COUNT
      next.fill(-Infinity, 0, states)
      for (let s = first; s <= last; s++) {
        let a = logAdd(alpha[s]!, alpha[s - 1]!)
        if (s % 2 === 1 && labels[s] !== labels[s - 2]) a = logAdd(a, alpha[s - 2]!)
        next[s] = a === -Infinity ? a : a + (s % 2 === 1 ? logp[row + labels[s]!]! : gap[t]!)
      }
      next[from - 2] = lastLetter[t]!
      next[from - 1] = blankAfter[t]!
      ;[alpha, next] = [next, alpha]
    }
    out[i] = logAdd(alpha[states - 1]!, alpha[states - 2]!)
  })
  return out
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
