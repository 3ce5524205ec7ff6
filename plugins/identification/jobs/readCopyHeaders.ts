import { defineJob } from '../../../jobs/define-job'
import { parseId, parseLane } from '../../../jobs/parse-data'
import { isReadingHere, READ_COPY_HEADERS, runReadLane } from '../services/readLanes'
import type { IdentificationOptions } from '../types'

/** How long a lane waits before it is offered again when it landed on the worker running the identify job. */
const LANE_STEP_ASIDE_MS = 1_000

export type ReadCopyHeadersData = { examId: string | number; lane: number }

/** A lane of an exam's identification: reads the headers nobody holds beside the identify job (services/readLanes.ts). Safe to re-run: each copy is claimed, a read copy is skipped. */
export const readCopyHeadersJob = (options: IdentificationOptions = {}) =>
  defineJob<ReadCopyHeadersData>({
    name: READ_COPY_HEADERS,
    version: 1,
    lockLifetime: 30 * 60_000,
    parse: (data) => ({ examId: parseId({ job: READ_COPY_HEADERS, data, key: 'examId' }), lane: parseLane({ job: READ_COPY_HEADERS, data }) }),
    handler: async ({ data, context }) => {
      // This process is reading the exam already (its identify job): the lane goes back for another worker.
      if (isReadingHere(data.examId)) return context.runAgain({ afterMs: LANE_STEP_ASIDE_MS })
      const { read } = await runReadLane({ payload: context.payload, examId: data.examId, options })
      context.logger.info({ exam: data.examId, lane: data.lane, read }, 'copy headers read')
    },
  })
