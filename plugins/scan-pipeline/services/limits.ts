import { config } from '../../../runtime/config'
import { ConfigError } from '../../../runtime/errors'
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from '../lib/pdf/limits'

export type ScanSettings = {
  limits: ScanLimits
  /** deadline of the upload-time check and of opening a batch in the job */
  checkMs: number
  /** pages analysed by one run of the scan job before it lets other batches in */
  slicePages: number
  /** time one run spends assembling copies before it lets other batches in */
  sliceMs: number
  /** a batch whose first pages all fail, this many of them, is stopped: the file is not a usable scan */
  failFastPages: number
  /** jobs analysing one batch's slices side by side (the batch's own job included), for several workers */
  lanes: number
  /** how long a dead worker's claim on a slice (or its job) holds before another worker takes it over */
  lockMs: number
}

type Env = Readonly<Record<string, unknown>>

const positive = (env: Env, name: string, fallback: number): number => {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}"`)
  return value
}

/** The scan limits from the environment (README, configuration table), defaults otherwise. */
export const scanSettingsFromEnv = (env: Env = config()): ScanSettings => ({
  limits: {
    ...DEFAULT_SCAN_LIMITS,
    maxPages: Math.floor(positive(env, 'KORRIGO_MAX_PAGES', DEFAULT_SCAN_LIMITS.maxPages)),
    maxPagePixels: Math.round(positive(env, 'KORRIGO_MAX_PAGE_MEGAPIXELS', DEFAULT_SCAN_LIMITS.maxPagePixels / 1e6) * 1e6),
    maxPageDecompressedBytes: Math.round(positive(env, 'KORRIGO_MAX_PAGE_DECOMPRESSED_MB', DEFAULT_SCAN_LIMITS.maxPageDecompressedBytes / 1048576) * 1048576),
    pageTimeoutMs: Math.round(positive(env, 'KORRIGO_PAGE_TIMEOUT_SECONDS', DEFAULT_SCAN_LIMITS.pageTimeoutMs / 1000) * 1000),
  },
  checkMs: Math.round(positive(env, 'KORRIGO_SCAN_CHECK_SECONDS', 30) * 1000),
  slicePages: Math.floor(positive(env, 'KORRIGO_SCAN_SLICE_PAGES', 20)),
  sliceMs: Math.round(positive(env, 'KORRIGO_SCAN_SLICE_SECONDS', 15) * 1000),
  failFastPages: 10,
  lanes: Math.floor(positive(env, 'KORRIGO_SCAN_LANES', 1)),
  lockMs: Math.floor(positive(env, 'KORRIGO_SCAN_LOCK_MS', 120_000)),
})
