import fs from 'node:fs/promises'
import path from 'node:path'

import { config } from '../runtime/config'
import { BadRequestError } from '../runtime/errors'
import { tmpDir } from '../runtime/paths'
import { sweepCounters } from '../runtime/shared-counters/counters'
import { sweepOrphanUploads } from '../storage/sweep-orphans'
import { defineJob } from './define-job'

export type CleanupData = { olderThanHours?: number }

/** An upload's file is written a moment before its row is committed: younger files are left alone. */
const ORPHAN_GRACE_MS = 60 * 60_000

const DEFAULT_HOURS = () => config().KORRIGO_TMP_MAX_AGE_HOURS

/** Removes files under a folder older than a cut-off; returns what it removed. Pure file-system work. */
export const removeOldFiles = async ({ directory, olderThanMs, now = Date.now() }: { directory: string; olderThanMs: number; now?: number }): Promise<string[]> => {
  const removed: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        await walk(full)
        if ((await fs.readdir(full)).length === 0) await fs.rmdir(full).catch(() => undefined)
        continue
      }
      const stat = await fs.stat(full).catch(() => undefined)
      if (stat && now - stat.mtimeMs > olderThanMs) {
        await fs.rm(full, { force: true })
        removed.push(full)
      }
    }
  }
  await walk(directory)
  return removed
}

export const cleanupOldFiles = defineJob<CleanupData>({
  name: 'cleanup-old-files',
  version: 1,
  every: '1 day',
  everyData: {},
  parse: (data) => {
    const value = (data ?? {}) as CleanupData
    if (value.olderThanHours !== undefined && !(typeof value.olderThanHours === 'number' && value.olderThanHours >= 0))
      throw new BadRequestError(`cleanup-old-files: olderThanHours must be a number ≥ 0, got ${JSON.stringify(value.olderThanHours)}`)
    return value
  },
  handler: async ({ data, context }) => {
    // The temporary folder by age; upload folders only for files no row names (never a stored scan or copy).
    const directory = tmpDir()
    const removed = await removeOldFiles({ directory, olderThanMs: (data.olderThanHours ?? DEFAULT_HOURS()) * 3_600_000 })
    await context.progress({ done: 1, total: 3 })
    const orphans = await sweepOrphanUploads({ payload: context.payload, olderThanMs: ORPHAN_GRACE_MS })
    await context.progress({ done: 2, total: 3 })
    // Rate and sign-in counters whose window has ended.
    await sweepCounters({ payload: context.payload })
    await context.progress({ done: 3, total: 3 })
    context.logger.info(
      { removed: removed.length, directory, orphans: Object.fromEntries(orphans.map((o) => [o.collection, o.removed])) },
      'cleanup-old-files done',
    )
  },
})
