import type { BatchSpec } from './batch/spec.js'
import { DESIGN_IDS, designOf } from './designs/index.js'
import type { DesignId } from './designs/types.js'

/**
 * Named batches for every design × format:
 * - `<design>-<format>`: a class of 26 copies from a 30-student roster (one unnamed copy, 4 absentees
 *   incl. near-duplicates of present students), tuned fonts, seed < 1000;
 * - `<design>-<format>-heldout`: the same class shape, held-out fonts, seed ≥ 1000;
 * - `<design>-<format>-mini`: 3 (A3) or 4 (A4) copies for fast tests, from a class list of 25–26.
 */
export type PresetName = `${DesignId}-${'a4' | 'a3'}` | `${DesignId}-${'a4' | 'a3'}-heldout` | `${DesignId}-${'a4' | 'a3'}-mini`

export type PresetInfo = {
  name: PresetName
  design: DesignId
  format: 'a4' | 'a3'
  /** false when the design or the fonts are held out: never tune on it */
  tuned: boolean
  copies: number
  fonts: 'tuned' | 'heldOut'
  seed: number
}

const FORMATS = ['a4', 'a3'] as const
const KINDS = ['class', 'heldout', 'mini'] as const

const shape = (design: DesignId, format: 'a4' | 'a3') => {
  const d = designOf(design)
  const multiSheet = design === 'official' || design === 'copie-double'
  return {
    sheetsPerCopy: (multiSheet ? (format === 'a3' ? [1, 2] : [1, 3]) : [1, 1]) as [number, number],
    repeatHeader: design === 'official' ? 1 : 0.5,
    pageNumbers: multiSheet,
    writtenDob: true,
    inserts: format === 'a3' ? 0.25 : 0.15,
    blankPages: 0.12,
    flips: 0.2,
    sideways: format === 'a4' ? 0.04 : 0.03,
    subjectPages: format === 'a4' && design === 'annex' ? 1 : undefined,
    tunedDesign: d.tuned,
  }
}

export const presetSpec = (name: PresetName): BatchSpec => {
  const m = /^(.+)-(a4|a3)(?:-(heldout|mini))?$/.exec(name)
  const design = m?.[1] as DesignId | undefined
  if (!m || !design || !DESIGN_IDS.includes(design)) throw new Error(`unknown paper preset "${name}"`)
  const format = m[2] as 'a4' | 'a3'
  const kind = (m[3] ?? 'class') as 'class' | 'heldout' | 'mini'
  const base = 100 + DESIGN_IDS.indexOf(design) * 10 + (format === 'a3' ? 1 : 0)
  const seed = kind === 'heldout' ? 1000 + base : kind === 'mini' ? 500 + base : base
  const { tunedDesign: _t, ...s } = shape(design, format)
  const copies = kind === 'mini' ? (format === 'a3' ? 3 : 4) : 26
  return {
    name,
    seed,
    design,
    format,
    copies,
    unnamed: [kind === 'mini' ? 1 : (seed * 7) % copies],
    // a mini batch still comes with a whole class list: only a few of its students were scanned
    absent: kind === 'mini' ? 22 : 4,
    fonts: kind === 'heldout' ? 'heldOut' : 'tuned',
    // the copier case on the official sheet: A3 stored portrait, displayed through /Rotate
    ...(design === 'official' && format === 'a3' ? { storedRotate: kind === 'heldout' ? 90 : 270 } : {}),
    ...s,
  }
}

export const isPresetName = (name: string): name is PresetName => {
  try {
    presetSpec(name as PresetName)
    return true
  } catch {
    return false
  }
}

/** Every preset with its design and whether it may be tuned on. */
export const listPresets = (): PresetInfo[] =>
  DESIGN_IDS.flatMap((design) =>
    FORMATS.flatMap((format) =>
      KINDS.map((kind) => {
        const name = (kind === 'class' ? `${design}-${format}` : `${design}-${format}-${kind}`) as PresetName
        const spec = presetSpec(name)
        return { name, design, format, tuned: designOf(design).tuned && spec.fonts === 'tuned', copies: spec.copies, fonts: spec.fonts, seed: spec.seed }
      }),
    ),
  )
