import { seededRandom, shuffled } from './random'
import type { DistributionSettings, Id } from './settings'

/** An assignment as the planner sees it: what it covers and whether work was done under it. */
export type ExistingAssignment = {
  id: Id
  copy: Id
  corrector: Id
  marking: number
  questionKeys: string[] | null
  role: 'marker' | 'arbiter'
  state: 'active' | 'released'
  done: boolean
  /** Grades or annotations were written under it: moving it would waste work, so it stays if it can. */
  started: boolean
}

export type PlannedAssignment = { copy: Id; corrector: Id; marking: number; questionKeys: string[] | null }

export type DistributionPlan = {
  create: PlannedAssignment[]
  update: { id: Id; questionKeys: string[] | null }[]
  release: Id[]
  /** Units no active corrector could take within the quotas (given to the least loaded, said here). */
  overflow: number
}

const ALL = '*'
type Unit = { copy: string; marking: number; question: string }
const unitKey = (u: Unit) => `${u.copy}|${u.marking}|${u.question}`

/**
 * Shares an exam's copies out between its active correctors. Units are (copy, marking, question) — the
 * question is `*` when distributing by copy. What correctors already hold stays theirs while they are
 * active and within their quota (started work first), finished work of a corrector who dropped out stays
 * done, and every uncovered unit goes to the eligible corrector furthest below their target, in an order
 * drawn from the seed. Double-blind: the two markings of a unit never go to the same person.
 */
export const planDistribution = ({
  settings,
  copies,
  questionKeys,
  existing,
  seed,
}: {
  settings: DistributionSettings
  copies: Id[]
  questionKeys: string[]
  existing: ExistingAssignment[]
  seed: string
}): DistributionPlan => {
  const markers = existing.filter((a) => a.role === 'marker')
  if (settings.mode === 'all') return { create: [], update: [], release: markers.filter((a) => a.state === 'active').map((a) => a.id), overflow: 0 }
  const byQuestion = settings.mode === 'questions'
  const markings = settings.doubleBlind ? [1, 2] : [1]
  const questions = byQuestion ? questionKeys : [ALL]
  const active = settings.correctors.filter((c) => c.active !== false)
  const activeIds = new Set(active.map((c) => String(c.id)))
  const eligible = (question: string) => active.filter((c) => question === ALL || (c.questions ?? []).includes(question)).map((c) => String(c.id))
  const copyIds = [...new Set(copies.map(String))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  const random = seededRandom(seed)

  // Targets per question pool: quotas first, the rest evenly (the remainder to correctors in seeded order).
  const target = new Map<string, number>() // `${question}|${corrector}`
  for (const question of questions) {
    const pool = eligible(question)
    const total = copyIds.length * markings.length
    const quota = (id: string) => active.find((c) => String(c.id) === id)?.quota
    const fixed = pool.filter((id) => typeof quota(id) === 'number')
    const free = shuffled(pool.filter((id) => typeof quota(id) !== 'number'), random)
    let rest = total
    for (const id of fixed) {
      const q = Math.min(quota(id)!, rest)
      target.set(`${question}|${id}`, q)
      rest -= q
    }
    free.forEach((id, i) => target.set(`${question}|${id}`, Math.floor(rest / free.length) + (i < rest % free.length ? 1 : 0)))
  }

  const holder = new Map<string, string>() // unit → corrector
  const load = new Map<string, number>() // `${question}|${corrector}`
  const add = (u: Unit, corrector: string) => {
    holder.set(unitKey(u), corrector)
    const k = `${u.question}|${corrector}`
    load.set(k, (load.get(k) ?? 0) + 1)
  }
  const holdsOtherMarking = (u: Unit, corrector: string) => markings.some((m) => m !== u.marking && holder.get(unitKey({ ...u, marking: m })) === corrector)
  const unitsOf = (a: ExistingAssignment): Unit[] =>
    byQuestion ? (a.questionKeys ?? questionKeys).filter((q) => questionKeys.includes(q)).map((q) => ({ copy: String(a.copy), marking: a.marking, question: q })) : a.questionKeys ? [] : [{ copy: String(a.copy), marking: a.marking, question: ALL }]

  // Finished work stays done, whoever did it; then started work, then the rest, as far as quotas allow.
  const known = new Set(copyIds)
  const ordered = [...markers].sort((a, b) => Number(b.done) - Number(a.done) || Number(b.started) - Number(a.started) || String(a.id).localeCompare(String(b.id)))
  const kept = new Map<Id, Unit[]>()
  for (const a of ordered) {
    if (!known.has(String(a.copy)) || !markings.includes(a.marking)) continue
    const corrector = String(a.corrector)
    const mine: Unit[] = []
    for (const u of unitsOf(a)) {
      if (holder.has(unitKey(u))) continue
      const stays = a.done || (a.state === 'active' && activeIds.has(corrector) && eligible(u.question).includes(corrector) && !holdsOtherMarking(u, corrector))
      const room = a.done || a.started || (load.get(`${u.question}|${corrector}`) ?? 0) < (target.get(`${u.question}|${corrector}`) ?? 0)
      if (stays && room) {
        add(u, corrector)
        mine.push(u)
      }
    }
    if (mine.length) kept.set(a.id, mine)
  }

  let overflow = 0
  const units = copyIds.flatMap((copy) => markings.flatMap((marking) => questions.map((question) => ({ copy, marking, question }))))
  for (const u of shuffled(units, random)) {
    if (holder.has(unitKey(u))) continue
    const candidates = eligible(u.question).filter((id) => !holdsOtherMarking(u, id))
    if (!candidates.length) continue
    const room = (id: string) => (target.get(`${u.question}|${id}`) ?? 0) - (load.get(`${u.question}|${id}`) ?? 0)
    const withRoom = candidates.filter((id) => room(id) > 0)
    const pick = (withRoom.length ? withRoom : candidates).reduce((best, id) => (room(id) > room(best) ? id : best))
    if (!withRoom.length) overflow++
    add(u, pick)
  }

  // Units back into rows: one per (copy, corrector, marking), with its questions (null: the whole copy).
  const rows = new Map<string, PlannedAssignment>()
  for (const [key, corrector] of holder) {
    const [copy, marking, question] = key.split('|') as [string, string, string]
    const rowKey = `${copy}|${corrector}|${marking}`
    const row = rows.get(rowKey) ?? { copy, corrector, marking: Number(marking), questionKeys: question === ALL ? null : [] }
    if (question !== ALL) row.questionKeys = [...(row.questionKeys ?? []), question].sort((a, b) => questionKeys.indexOf(a) - questionKeys.indexOf(b))
    rows.set(rowKey, row)
  }
  const plan: DistributionPlan = { create: [], update: [], release: [], overflow }
  const claimed = new Set<string>()
  for (const a of markers) {
    const rowKey = `${a.copy}|${a.corrector}|${a.marking}`
    const row = rows.get(rowKey)
    if (a.state === 'active' && row && !claimed.has(rowKey)) {
      claimed.add(rowKey)
      if (JSON.stringify(row.questionKeys) !== JSON.stringify(a.questionKeys)) plan.update.push({ id: a.id, questionKeys: row.questionKeys })
    } else if (a.state === 'active') plan.release.push(a.id)
  }
  for (const [rowKey, row] of rows) {
    if (claimed.has(rowKey)) continue
    // Work finished by someone who left stays recorded by their (released) row: nothing to create for it.
    const finished = markers.some((a) => a.done && `${a.copy}|${a.corrector}|${a.marking}` === rowKey)
    if (!finished) plan.create.push({ ...row, copy: copies.find((c) => String(c) === row.copy) ?? row.copy, corrector: active.find((c) => String(c.id) === row.corrector)?.id ?? row.corrector })
  }
  const order = (x: PlannedAssignment, y: PlannedAssignment) =>
    String(x.copy).localeCompare(String(y.copy), 'en', { numeric: true }) || x.marking - y.marking || String(x.corrector).localeCompare(String(y.corrector), 'en', { numeric: true })
  plan.create.sort(order)
  return plan
}
