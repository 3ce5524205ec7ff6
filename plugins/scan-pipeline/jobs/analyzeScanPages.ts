import { defineJob } from '../../../jobs/define-job'
import { parseId, parseLane } from '../../../jobs/parse-data'
import { config } from '../../../runtime/config'
import { ANALYZE_SCAN_PAGES, runLane } from '../services/lanes'

export type AnalyzeScanPagesData = { batchId: string | number; lane: number }

/** A lane of a big batch: analyses slices beside the batch's own job (services/lanes.ts). Safe to re-run: slices are claimed, pages stored once. */
export const analyzeScanPages = defineJob<AnalyzeScanPagesData>({
  name: ANALYZE_SCAN_PAGES,
  version: 1,
  lockLifetime: config().KORRIGO_SCAN_LOCK_MS,
  parse: (data) => ({ batchId: parseId({ job: ANALYZE_SCAN_PAGES, data, key: 'batchId' }), lane: parseLane({ job: ANALYZE_SCAN_PAGES, data }) }),
  handler: async ({ data, context }) => {
    const { more } = await runLane({ payload: context.payload, batchId: data.batchId, progress: context.progress })
    if (more) context.runAgain()
  },
})
