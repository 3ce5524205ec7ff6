// The synthetic-paper generator: exam papers as a school scans them (handwritten headers of many designs,
// A3 booklets and A4 sheets, copier quirks), with the truth of every page. Pure tool code: no Payload,
// no test framework; used by the tests, the benchmarks and `korrigo demo`.
import { cached } from './cache.js'
import { renderBatch, type BatchTruth } from './legacy/batches.js'
import { isLegacyName, legacyPlan, type LegacyBatchName } from './legacy/presets.js'

export { GENERATOR_VERSION, cacheDir, writeCacheFile } from './cache.js'
export type { BatchTruth, TruthCopy, TruthPage } from './legacy/batches.js'
export * from './damaged.js'
export { scoreCopies, type Score, type ScoredPage } from './score.js'
export { HAND_FONTS, MissingFontsError, requireFonts, type HandFont } from './fonts.js'

export type BatchName = LegacyBatchName

/** Builds (or reuses from the cache) a named batch with its truth. */
export const getBatch = async (name: BatchName): Promise<{ path: string; bytes: Uint8Array; truth: BatchTruth }> => {
  if (!isLegacyName(name)) throw new Error(`unknown batch "${name}"`)
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
  return { path: paths.bytes, bytes: files.bytes as Uint8Array, truth: JSON.parse(files.truth as string) as BatchTruth }
}
