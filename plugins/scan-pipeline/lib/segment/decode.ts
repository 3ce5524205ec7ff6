import type { SheetEvidence } from './evidence'

/**
 * What a sheet is in its copy. `labels` gives each side's page label in reading order (0 = page 1 of
 * the copy, k = page k+1, -1 = a page that is none of the known ones).
 */
export type Role = { name: 'page' | 'front' | 'back' | 'other'; labels: number[]; starts: boolean }

export type DecodeCosts = {
  /** a side that matches no known page (loose sheet; free when "other" is simply a continuation page) */
  other: number
  /** a known page out of the expected order (pages swapped, or a page missing) */
  order: number
  /** pages before the first copy's start */
  orphan: number
  /** every copy start (a prior: without evidence, a sheet continues the copy in progress) */
  start?: number
  /** extra cost of ending a copy after `units` sides (a prior on copy length; 0 = none) */
  length?: (units: number) => number
  /** a folded sheet's front ending its copy without the back that should follow it */
  missingBack?: number
}

export type SheetDecision = {
  orientation: 0 | 1
  role: Role
  /** best total with a copy starting at this sheet minus the best without: > 0 starts, near 0 unsure */
  startMargin: number
  /** best total with this orientation minus the best with the other */
  orientationMargin: number
}

const MAX_UNITS = 64

/** Roles a sheet may play, given how many page labels the templates know. */
export const rolesFor = ({ sides, pages }: { sides: number; pages: number }): Role[] => {
  if (sides === 1) {
    const roles: Role[] = Array.from({ length: pages }, (_, k) => ({ name: 'page' as const, labels: [k], starts: k === 0 }))
    roles.push({ name: 'other', labels: [-1], starts: false })
    return roles
  }
  // A folded A3 sheet: front = [last | 1], back = [2 | 3]; pages beyond the templates are "other".
  const label = (k: number) => (k < pages ? k : -1)
  return [
    { name: 'front', labels: [pages >= 2 ? pages - 1 : -1, 0], starts: true },
    { name: 'back', labels: [label(1), label(2)], starts: false },
    { name: 'other', labels: [-1, -1], starts: false },
  ]
}

const emission = (ev: SheetEvidence, o: 0 | 1, role: Role, startBonus: number): number => {
  let total = ev.orientationPrior[o]
  const units = ev.units[o]
  role.labels.forEach((label, i) => {
    const u = units[i]
    if (!u || u.labels.length === 0) return
    total += label < 0 ? u.other : (u.labels[label] ?? u.other)
  })
  return role.starts ? total + startBonus : total
}

/**
 * One decision for the whole batch: which sheets start a copy, which way up each one is, and which
 * page of the copy each side is — the best-scoring sequence under the evidence and the order a copy's
 * pages come in (Viterbi over "last page placed, sides so far"). Max-marginals give, for every sheet,
 * how much the best sequence would lose by deciding its start the other way: the boundaries a person
 * should check.
 */
export const decodeSheets = ({
  evidence,
  pages,
  costs,
  startBonus = () => 0,
}: {
  evidence: SheetEvidence[]
  pages: number
  costs: DecodeCosts
  /** extra log-odds that a sheet (in orientation o) starts a copy, from clues outside the templates */
  startBonus?: (sheet: number, orientation: 0 | 1) => number
}): SheetDecision[] => {
  const n = evidence.length
  if (n === 0) return []
  const kCount = pages + 1 // last label placed: -1..pages-1
  const stride = MAX_UNITS + 1
  const START = kCount * stride // no copy yet
  const states = START + 1
  const key = (k: number, units: number) => (k + 1) * stride + Math.min(MAX_UNITS, units)
  const lengthCost = (units: number) => costs.length?.(units) ?? 0
  // A copy ending on the folded sheet `last` after two sides with page 1 placed last is that sheet's front
  // alone (two single sides would end on a single sheet): its back is left out.
  const endCost = (state: number, last: number) => {
    const frontAlone = evidence[last]?.units[0].length === 2 && Math.floor(state / stride) - 1 === 0 && state % stride === 2
    return lengthCost(state % stride) - (frontAlone ? (costs.missingBack ?? 0) : 0)
  }

  type Step = { from: number; to: number; o: 0 | 1; role: number; score: number }
  const rolesOf = evidence.map((ev) => rolesFor({ sides: ev.units[0].length, pages }))

  /** every transition out of `from` through sheet i, with its score (transition + emission) */
  const steps = (i: number, from: number): Step[] => {
    const ev = evidence[i]!
    const out: Step[] = []
    const atStart = from === START
    const k = atStart ? -1 : Math.floor(from / stride) - 1
    const units = atStart ? 0 : from % stride
    rolesOf[i]!.forEach((role, r) => {
      const sides = role.labels.length
      const placed = role.labels.filter((l) => l >= 0)
      const last = placed.length ? placed[placed.length - 1]! : k
      let transition: number
      let to: number
      if (role.starts) {
        transition = (atStart ? 0 : endCost(from, i - 1)) - (costs.start ?? 1)
        to = key(last, sides)
      } else if (role.name === 'back') {
        // A booklet has one back, right after its front.
        transition = !atStart && k === 0 && units === 2 ? 0 : costs.order
        if (atStart) transition += costs.orphan
        to = key(Math.max(last, k), units + sides)
      } else {
        const first = placed[0]
        transition = first === undefined ? (sides > 1 ? Math.max(costs.other, costs.order) : costs.other) : first === k + 1 ? 0 : costs.order
        if (atStart) transition += costs.orphan
        to = key(last, units + sides)
      }
      // costs are paid; the length prior is already a (negative) log-odds
      const paid = role.starts ? transition : -transition
      for (const o of [0, 1] as const) out.push({ from, to, o, role: r, score: paid + emission(ev, o, role, role.starts ? startBonus(i, o) : 0) })
    })
    return out
  }

  // forward: best score of any sequence ending in each state after sheet i
  const forward: Float64Array[] = []
  let prev = new Float64Array(states).fill(-Infinity)
  prev[START] = 0
  for (let i = 0; i < n; i++) {
    const next = new Float64Array(states).fill(-Infinity)
    for (let s = 0; s < states; s++) {
      if (prev[s] === -Infinity) continue
      for (const st of steps(i, s)) {
        const v = prev[s]! + st.score
        if (v > next[st.to]!) next[st.to] = v
      }
    }
    forward.push(next)
    prev = next
  }
  // backward: best score from each state after sheet i to the end (the last copy ends there)
  const backward: Float64Array[] = new Array(n)
  let after = new Float64Array(states)
  for (let s = 0; s < states; s++) after[s] = s === START ? 0 : endCost(s, n - 1)
  backward[n - 1] = after
  for (let i = n - 1; i > 0; i--) {
    const cur = new Float64Array(states).fill(-Infinity)
    for (let s = 0; s < states; s++) {
      if (forward[i - 1]![s] === -Infinity) continue
      for (const st of steps(i, s)) {
        const v = st.score + after[st.to]!
        if (v > cur[s]!) cur[s] = v
      }
    }
    backward[i - 1] = cur
    after = cur
  }

  // max-marginals per sheet, then the best path read off them (ties broken towards the path's own choice)
  const decisions: SheetDecision[] = []
  let state = START
  for (let i = 0; i < n; i++) {
    const before = i === 0 ? (() => {
      const a = new Float64Array(states).fill(-Infinity)
      a[START] = 0
      return a
    })() : forward[i - 1]!
    let bestStart = -Infinity
    let bestNoStart = -Infinity
    const bestByO: [number, number] = [-Infinity, -Infinity]
    for (let s = 0; s < states; s++) {
      if (before[s] === -Infinity) continue
      for (const st of steps(i, s)) {
        const total = before[s]! + st.score + backward[i]![st.to]!
        if (rolesOf[i]![st.role]!.starts) bestStart = Math.max(bestStart, total)
        else bestNoStart = Math.max(bestNoStart, total)
        bestByO[st.o] = Math.max(bestByO[st.o], total)
      }
    }
    // follow the best path: from the state reached so far, the step with the best completion
    let chosen: Step | undefined
    let chosenTotal = -Infinity
    for (const st of steps(i, state)) {
      const total = st.score + backward[i]![st.to]!
      if (total > chosenTotal) {
        chosenTotal = total
        chosen = st
      }
    }
    state = chosen!.to
    decisions.push({
      orientation: chosen!.o,
      role: rolesOf[i]![chosen!.role]!,
      startMargin: finiteDiff(bestStart, bestNoStart),
      orientationMargin: chosen!.o === 0 ? finiteDiff(bestByO[0], bestByO[1]) : finiteDiff(bestByO[1], bestByO[0]),
    })
  }
  return decisions
}

const finiteDiff = (a: number, b: number): number => {
  if (a === -Infinity && b === -Infinity) return 0
  if (a === -Infinity) return -1e6
  if (b === -Infinity) return 1e6
  return a - b
}
