import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import type { PageAnalysis } from '../lib/types'
import { storedAnalyses } from './analysisSlices'
import type { ScanSettings } from './limits'
import { loadPipeline } from './loadPipeline'
import { planBatch, type Problem } from './planBatch'

/** What assembling a copy needs of each page: far less than its analysis (regions, print descriptors, codes). */
export type PageFacts = Map<number, Pick<PageAnalysis, 'sourcePage' | 'skewDegrees' | 'error'>>

export type BatchPlan = Pick<Awaited<ReturnType<typeof planBatch>>, 'plan' | 'cutOn'> & { planProblems: Problem[]; pages: PageFacts }

type ExamForPlan = Parameters<typeof planBatch>[0]['exam'] & { updatedAt?: string | null }

/**
 * Plans made by this process, by batch: assembling a big batch takes many runs of its job (each lets other
 * batches in after `sliceMs`), and every run read every page's analysis back and planned the whole batch
 * again — the cost of a run grew with the batch, and so did the worker's memory. A plan depends only on the
 * stored analyses (written once) and the exam's cutting settings, so it is kept while the batch is assembled
 * and dropped when it is done. Another worker taking a run plans for itself: the result is the same.
 */
const plans = new Map<string, { key: string; plan: BatchPlan }>()
/** Batches assembled at once by one worker (others wait their turn in the queue); more only re-plan. */
const KEPT = 2

const keyOf = ({ exam, total }: { exam: ExamForPlan; total: number }) => JSON.stringify([total, exam.updatedAt ?? null, idOf(exam.blankSubject) ?? null, exam.pagesPerCopy ?? null])

export const planOfBatch = async ({
  payload,
  batchId,
  exam,
  fileName,
  settings,
  total,
}: {
  payload: Payload
  batchId: Id
  exam: ExamForPlan
  fileName: string
  settings: ScanSettings
  total: number
}): Promise<BatchPlan> => {
  const key = keyOf({ exam, total })
  const kept = plans.get(String(batchId))
  if (kept?.key === key) return kept.plan
  // Only when a plan is made: the runs that reuse it would stop threads other batches keep warm.
  const { dropIdleAnalystsBeforePlanning } = await loadPipeline()
  dropIdleAnalystsBeforePlanning({ pages: total })
  const analyses = [...(await storedAnalyses({ payload, batchId })).values()]
  const { plan, cutOn, problems } = await planBatch({ payload, batchId, exam, analyses, fileName, settings })
  const pages: PageFacts = new Map(analyses.map(({ sourcePage, skewDegrees, error }) => [sourcePage, { sourcePage, skewDegrees, ...(error ? { error } : {}) }]))
  const made: BatchPlan = { plan, cutOn, planProblems: problems, pages }
  plans.delete(String(batchId))
  plans.set(String(batchId), { key, plan: made })
  while (plans.size > KEPT) plans.delete(plans.keys().next().value!)
  return made
}

/** The batch is assembled (or failed): its plan is not needed any more. */
export const forgetBatchPlan = (batchId: Id): void => {
  plans.delete(String(batchId))
}
