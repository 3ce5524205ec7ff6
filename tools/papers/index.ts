// The synthetic-paper generator: exam papers as a school scans them (handwritten headers of many designs,
// A3 booklets and A4 sheets, copier quirks), with the blank subject, the class list and the truth of every
// page. Pure tool code: no Payload, no test framework; used by the tests, the benchmarks and `korrigo demo`.
import { buildBatch } from './batch/build.js'
import { cached } from './cache.js'
import type { Student } from './content/names.js'
import { renderBatch, type BatchTruth as LegacyTruth } from './legacy/batches.js'
import { isLegacyName, legacyPlan, type LegacyBatchName } from './legacy/presets.js'
import { isPresetName, presetSpec, type PresetName } from './presets.js'
import { buildRoster } from './roster.js'
import { copierMockBac, type Scenario } from './scenario/copier-mock-bac.js'
import type { BatchTruth, Truth } from './truth.js'

export { GENERATOR_VERSION, cacheDir, writeCacheFile } from './cache.js'
export type { LegacyTruth }
export type { BatchTruth, IdentityZone, Truth, TruthCopy, TruthPage, TruthRegion, TruthRotation } from './truth.js'
export * from './damaged.js'
export { scoreCopies, type Score, type ScoredPage } from './score.js'
export { HAND_FONTS, MissingFontsError, fontsOfSet, requireFonts, type HandFont } from './fonts.js'
export { buildBatch, type Batch } from './batch/build.js'
export { copierMockBac } from './scenario/copier-mock-bac.js'
export type { BatchSpec } from './batch/spec.js'
export { buildRoster, type RosterFormat } from './roster.js'
export type { Student } from './content/names.js'
export type { Box } from './geometry.js'
export { DESIGNS, DESIGN_IDS, designOf, type Design, type DesignId, type IdentityField } from './designs/index.js'
export { listPresets, presetSpec, type PresetInfo, type PresetName } from './presets.js'
export type { Scenario, ScenarioBatch } from './scenario/copier-mock-bac.js'

export type BatchName = LegacyBatchName | PresetName

/** A framed class batch of the first generator: truth in its original shape. */
export type LegacyBatch = { path: string; bytes: Uint8Array; truth: LegacyTruth }

/** A preset of the new generator: scan, blank subject, truth and roster, with their cached paths. */
export type PresetBatch = {
  path: string
  bytes: Uint8Array
  truth: Truth
  subjectPath: string
  subject: Uint8Array
  roster: Student[]
  /** the roster as the importer reads it (classic Nom;Prénom;… CSV) */
  rosterPath: string
}

/** What any named batch has (the framed presets and the new ones). */
export type AnyBatch = { path: string; bytes: Uint8Array; truth: BatchTruth }

/** Builds (or reuses from the cache) a named batch with its truth. */
export async function getBatch(name: LegacyBatchName): Promise<LegacyBatch>
export async function getBatch(name: PresetName): Promise<PresetBatch>
export async function getBatch(name: BatchName): Promise<AnyBatch>
export async function getBatch(name: BatchName): Promise<LegacyBatch | PresetBatch> {
  if (isLegacyName(name)) {
    const { files, paths } = await cached({
      name,
      spec: { legacy: name },
      exts: { bytes: 'pdf', truth: 'truth.json' },
      build: async () => {
        const { layout, seed, plan, harsh } = legacyPlan(name) as ReturnType<typeof legacyPlan> & { harsh?: boolean }
        const { bytes, truth } = await renderBatch({ plan, seed, name, layout, harsh })
        return { bytes, truth: JSON.stringify(truth, null, 1) }
      },
    })
    return { path: paths.bytes, bytes: files.bytes as Uint8Array, truth: JSON.parse(files.truth as string) as LegacyTruth }
  }
  if (!isPresetName(name)) throw new Error(`unknown batch "${name}"`)
  return getPresetBatch({ name })
}

/**
 * A preset's class (cached); `seedOffset` draws another class of the same shape — other students, hands and
 * answers — that no tuning has seen.
 */
export const getPresetBatch = async ({ name, seedOffset = 0 }: { name: PresetName; seedOffset?: number }): Promise<PresetBatch> => {
  const preset = presetSpec(name)
  const spec = seedOffset ? { ...preset, seed: preset.seed + seedOffset } : preset
  const { files, paths } = await cached({
    name: seedOffset ? `${name}-seed+${seedOffset}` : name,
    spec,
    exts: { bytes: 'pdf', subject: 'subject.pdf', roster: 'roster.json', rosterCsv: 'roster.csv', truth: 'truth.json' },
    build: async () => {
      const b = await buildBatch(spec)
      return {
        bytes: b.bytes,
        subject: b.subject,
        roster: JSON.stringify(b.roster),
        rosterCsv: buildRoster({ students: b.roster, format: 'classic' }),
        truth: JSON.stringify(b.truth, null, 1),
      }
    },
  })
  return {
    path: paths.bytes,
    bytes: files.bytes as Uint8Array,
    truth: JSON.parse(files.truth as string) as Truth,
    subjectPath: paths.subject,
    subject: files.subject as Uint8Array,
    roster: JSON.parse(files.roster as string) as Student[],
    rosterPath: paths.rosterCsv,
  }
}

export type ScenarioName = 'copier-mock-bac'

/** A multi-file scenario (cached): issue 18's copier output with its annex file and school-software roster. */
export const getScenario = async (name: ScenarioName): Promise<Scenario & { paths: Record<string, string> }> => {
  if (name !== 'copier-mock-bac') throw new Error(`unknown scenario "${name}"`)
  const { files, paths } = await cached({
    name,
    spec: { scenario: name },
    exts: { main: 'copies.pdf', annex: 'annexes.pdf', subject: 'subject.pdf', roster: 'roster.csv', meta: 'scenario.json' },
    build: async () => {
      const s = await copierMockBac()
      return {
        main: s.batches[0]!.bytes,
        annex: s.batches[1]!.bytes,
        subject: s.subject,
        roster: s.roster,
        meta: JSON.stringify({ name: s.name, batches: s.batches.map((b) => ({ fileName: b.fileName, truth: b.truth })) }),
      }
    },
  })
  const meta = JSON.parse(files.meta as string) as { name: string; batches: { fileName: string; truth: Truth }[] }
  const bytes = [files.main as Uint8Array, files.annex as Uint8Array]
  return {
    name: meta.name,
    batches: meta.batches.map((b, i) => ({ ...b, bytes: bytes[i]! })),
    subject: files.subject as Uint8Array,
    roster: files.roster as string,
    paths: { [meta.batches[0]!.fileName]: paths.main, [meta.batches[1]!.fileName]: paths.annex, subject: paths.subject, roster: paths.roster },
  }
}
