import type { Id } from '../../../shared/ids'
export type { Id }

export const MODES = ['all', 'copies', 'questions'] as const
export type DistributionMode = (typeof MODES)[number]

export type CorrectorShare = {
  id: Id
  /** Copies this corrector takes (by copy), or per question (by question); the rest is shared evenly. */
  quota?: number | null
  /** By question: the question keys this corrector marks on every copy (shared when several take one). */
  questions?: string[]
  /** false once the corrector dropped out: their unfinished work goes to the others. */
  active?: boolean
}

export type DistributionSettings = {
  mode: DistributionMode
  /** Makes the random draw reproducible; the exam id when empty. */
  seed?: string
  /** Two correctors mark each copy (or question) without seeing each other's marks. */
  doubleBlind?: boolean
  /** Points between the two totals beyond which a copy is flagged. */
  thresholdTotal?: number
  /** Points between a question's two marks beyond which a copy is flagged (none when empty). */
  thresholdQuestion?: number | null
  /** Who settles a flagged copy: a third corrector, or the admin. */
  arbitration?: 'third' | 'admin'
  correctors: CorrectorShare[]
}

export const DEFAULT_SETTINGS: DistributionSettings = { mode: 'all', doubleBlind: false, thresholdTotal: 2, thresholdQuestion: null, arbitration: 'admin', correctors: [] }

const isId = (v: unknown): v is Id => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))
const nonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0

/** What is wrong with stored settings (shape only), or null. */
export const settingsProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || Array.isArray(value)) return 'distribution must be an object'
  const s = value as Partial<DistributionSettings>
  if (!MODES.includes(s.mode as DistributionMode)) return `distribution.mode must be one of ${MODES.join(', ')}`
  if (s.seed !== undefined && s.seed !== null && typeof s.seed !== 'string') return 'distribution.seed must be text'
  if (s.thresholdTotal !== undefined && !nonNegative(s.thresholdTotal)) return 'distribution.thresholdTotal must be a number of points from 0'
  if (s.thresholdQuestion !== undefined && s.thresholdQuestion !== null && !nonNegative(s.thresholdQuestion)) return 'distribution.thresholdQuestion must be a number of points from 0, or empty'
  if (s.arbitration !== undefined && s.arbitration !== 'third' && s.arbitration !== 'admin') return 'distribution.arbitration must be "third" or "admin"'
  if (!Array.isArray(s.correctors)) return 'distribution.correctors must be a list'
  const seen = new Set<string>()
  for (const [i, c] of s.correctors.entries()) {
    if (!c || !isId(c.id)) return `distribution.correctors[${i}].id must be a user id`
    if (seen.has(String(c.id))) return `distribution.correctors[${i}]: user ${c.id} is listed twice`
    seen.add(String(c.id))
    if (c.quota !== undefined && c.quota !== null && !(Number.isInteger(c.quota) && c.quota >= 0)) return `distribution.correctors[${i}].quota must be a whole number from 0`
    if (c.questions !== undefined && !(Array.isArray(c.questions) && c.questions.every((q) => typeof q === 'string'))) return `distribution.correctors[${i}].questions must be a list of question keys`
  }
  return null
}

export const readSettings = (value: unknown): DistributionSettings =>
  value && !settingsProblem(value) ? { ...DEFAULT_SETTINGS, ...(value as DistributionSettings) } : { ...DEFAULT_SETTINGS }

/**
 * What makes settings impossible to apply to this exam (its correctors and scale), in words an admin can act
 * on; empty when they can be applied.
 */
export const settingsConflicts = ({ settings, examCorrectors, questionKeys }: { settings: DistributionSettings; examCorrectors: Id[]; questionKeys: string[] }): string[] => {
  const problems: string[] = []
  if (settings.mode === 'all') return settings.doubleBlind ? ['Double-blind marking needs a distribution by copy or by question'] : []
  const onExam = new Set(examCorrectors.map(String))
  for (const c of settings.correctors) if (!onExam.has(String(c.id))) problems.push(`User ${c.id} is not a corrector of this exam`)
  const active = settings.correctors.filter((c) => c.active !== false && onExam.has(String(c.id)))
  const need = settings.doubleBlind ? 2 : 1
  if (active.length < need) problems.push(need === 2 ? 'Double-blind marking needs at least two active correctors' : 'No active corrector to distribute the copies to')
  if (settings.mode === 'questions') {
    const known = new Set(questionKeys)
    for (const c of active) for (const q of c.questions ?? []) if (!known.has(q)) problems.push(`Question "${q}" is not in the grading scale`)
    for (const q of questionKeys) {
      const takers = active.filter((c) => c.questions?.includes(q)).length
      if (takers < need) problems.push(need === 2 ? `Question "${q}" needs two correctors for double-blind marking (has ${takers})` : `Question "${q}" has no corrector`)
    }
  }
  return problems
}
