import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { withLockIfFree } from '../../../locks/withLock'
import { COUNTERS, bump } from '../../../runtime/counters'
import type { LayoutOption, PageAnalysis } from '../lib/types'
import { markBatch, type IngestProgress } from './assembleCopies'
import { loadPipeline } from './loadPipeline'
import type { ScanSettings } from './limits'

/** After a refused insert: whether the page is there (another worker stored it first; the unique index on batch and page). */
const isStoredAlready = async ({ payload, batchId, page }: { payload: Payload; batchId: Id; page: number }): Promise<boolean> =>
  (await payload.count({ collection: 'scan-pages', where: { and: [{ batch: { equals: batchId } }, { sourcePage: { equals: page } }] }, overrideAccess: true })).totalDocs > 0

/** The pages of a batch analysed so far (by any worker), by page number. */
export const storedAnalyses = async ({ payload, batchId }: { payload: Payload; batchId: Id }): Promise<Map<number, PageAnalysis>> => {
  const stored = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batchId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return new Map(stored.docs.map((doc) => [doc.sourcePage as number, doc.analysis as PageAnalysis]))
}

/** What the batch's job and its lanes know when they analyse: the batch's file and where the results go. */
type SliceWork = {
  payload: Payload
  batchId: Id
  fileName: string
  path: string
  layout: LayoutOption
  total: number
  /** the pages already stored, by number */
  stored: Pick<Map<number, unknown>, 'has'>
  settings: ScanSettings
  progress: IngestProgress
}

/**
 * Which pages of a batch are stored and the error of each failed one, without their analyses: what the
 * batch's job needs until every page is in, and a lane to pick its slice.
 */
export const storedPageErrors = async ({ payload, batchId }: { payload: Payload; batchId: Id }): Promise<Map<number, string | null>> => {
  const stored = await payload.find({ collection: 'scan-pages', where: { batch: { equals: batchId } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { sourcePage: true, error: true } })
  return new Map(stored.docs.map((doc) => [doc.sourcePage as number, (doc.error as string | null | undefined) ?? null]))
}

/**
 * Analyses one slice of the pages still to do, claimed first: several workers (the batch's own job and its
 * lanes) work on one batch, each on a slice nobody holds. A claim is a lock row that expires with
 * KORRIGO_SCAN_LOCK_MS, so a dead worker's slice is taken over; a page stored twice by a slow worker and its
 * successor is kept once (the unique index on batch and page). `claimed: false` when every slice left is held;
 * `analysed`: the slice's pages.
 */
export const analyseNextSlice = async (work: SliceWork): Promise<{ claimed: boolean; remaining: number; analysed: PageAnalysis[] }> => {
  const { payload, batchId, total, stored, settings } = work
  const remaining = Array.from({ length: total }, (_, i) => i + 1).filter((page) => !stored.has(page))
  for (let start = 0; start < remaining.length; start += settings.slicePages) {
    const slice = remaining.slice(start, start + settings.slicePages)
    const claim = await withLockIfFree({ payload, key: `scan-slice:${batchId}:${slice[0]}`, ttlMs: settings.lockMs, work: () => analyseSlice({ ...work, slice }) })
    if (!claim.busy) return { claimed: true, remaining: remaining.length - slice.length, analysed: claim.value }
  }
  return { claimed: false, remaining: remaining.length, analysed: [] }
}

const analyseSlice = async ({ payload, batchId, fileName, path, layout, total, slice, settings, progress }: SliceWork & { slice: number[] }): Promise<PageAnalysis[]> => {
  const { analyzePages } = await loadPipeline()
  // Results arrive from the worker pool faster than they are written: write them in order, one at a time.
  let writes = Promise.resolve()
  const analysed = await analyzePages({
    path,
    fileName,
    pages: slice,
    layout,
    limits: settings.limits,
    onProgress: ({ analysis }) => {
      bump(COUNTERS.scanPages, { outcome: analysis.error ? 'failed' : 'analysed' })
      writes = writes.then(async () => {
        await payload
          .create({ collection: 'scan-pages', data: { batch: batchId, sourcePage: analysis.sourcePage, analysis, error: analysis.error?.message ?? null } as never, overrideAccess: true, depth: 0 })
          .catch(async (error: unknown) => {
            if (!(await isStoredAlready({ payload, batchId, page: analysis.sourcePage }))) throw error
          })
        // Counted in the database: other workers store pages of the same batch meanwhile.
        const done = (await payload.count({ collection: 'scan-pages', where: { batch: { equals: batchId } }, overrideAccess: true })).totalDocs
        await markBatch(payload, batchId, { progress: { pagesDone: done, pagesTotal: total, copiesFound: 0 } })
        await progress({ done, total: total + 1 })
      })
    },
  })
  await writes
  return analysed
}
