import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import type { SEGMENTATION_BOUNDARIES } from '../../../collections/Copies'
import { idOf } from '../../../collections/relations'
import { readUpload } from '../../../storage/uploads'
import { ScanInputError } from '../lib/errors'
import type { BoundaryEvidence, CopyPlan, PageAnalysis, PlannedCopy } from '../lib/types'
import type { SubjectModel } from '../lib/template/subject'
import { scanSettingsFromEnv, type ScanSettings } from './limits'
import { loadPipeline } from './loadPipeline'

// The stored select and the pipeline's evidence are one list: this fails to compile when they part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const _boundariesMatch: Same<(typeof SEGMENTATION_BOUNDARIES)[number], BoundaryEvidence> = true
void _boundariesMatch

export type Problem = { page?: number | null; code: string; message: string }

type ExamDoc = { id: Id; blankSubject?: unknown; pagesPerCopy?: number | null }

/** What a batch was cut on, stored on it (`cutOn`): identification reads the first page's print from it. */
export type CutOn = CopyPlan['model'] & { subject: Id | null; pagesPerCopy: number | null; at: string }

/** The exam's blank subject, read from its file; a subject that cannot be read is a problem of the batch, not a stop. */
export const loadSubject = async ({ payload, exam, settings = scanSettingsFromEnv() }: { payload: Payload; exam: ExamDoc; settings?: ScanSettings }): Promise<{ subject?: SubjectModel; id: Id | null; problem?: Problem }> => {
  const id = idOf(exam.blankSubject) ?? null
  if (id === null) return { id }
  const media = await payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, disableErrors: true })
  const fileName = media?.filename ?? `subject-${id}.pdf`
  try {
    if (!media) throw new Error('the file is no longer stored')
    const bytes = await readUpload({ payload, collection: 'media', doc: media })
    const { readSubjectIsolated } = await loadPipeline()
    return { id, subject: await readSubjectIsolated({ bytes, fileName, limits: settings.limits, timeoutMs: Math.max(settings.checkMs, 60_000) }) }
  } catch (error) {
    const reason = error instanceof ScanInputError ? error.message : `${fileName}: ${(error as Error).message}`
    return { id, problem: { page: null, code: 'subject_unusable', message: `the exam's blank subject could not be read (${reason}); the copies were cut without it` } }
  }
}

/** One batch's copies, planned from its analysed pages with everything the exam knows. */
export const planBatch = async ({
  payload,
  batchId,
  exam,
  analyses,
  fileName,
  settings,
}: {
  payload: Payload
  batchId: Id
  exam: ExamDoc
  analyses: PageAnalysis[]
  fileName: string
  settings?: ScanSettings
}): Promise<{ plan: CopyPlan; cutOn: CutOn; problems: Problem[] }> => {
  const { planWithCodes } = await loadPipeline()
  const { subject, id, problem } = await loadSubject({ payload, exam, settings })
  const pagesPerCopy = exam.pagesPerCopy ?? null
  // Another batch of the exam already cut into copies: sheets nothing marks as a copy's start are loose
  // (annexes, late sheets), to be joined to their copies by identity.
  const others = await payload.count({ collection: 'scan-batches', overrideAccess: true, where: { and: [{ exam: { equals: exam.id } }, { id: { not_equals: batchId } }, { status: { in: ['done', 'partial'] } }] } })
  // Prepared booklets are placed by their QR codes; every other page is cut as unprepared paper.
  const plan = planWithCodes({ examId: exam.id, analyses, expectedPagesPerCopy: pagesPerCopy ?? undefined, fileName, subject, looseSheets: others.totalDocs > 0 })
  return {
    plan,
    cutOn: { ...plan.model, subject: subject ? id : null, pagesPerCopy, at: new Date().toISOString() },
    problems: problem ? [problem] : [],
  }
}

/** A planned copy as stored: its pages (with the subject page they matched) and what decided its start. */
export const copyFieldsOf = ({ batchId, planned }: { batchId: Id; planned: PlannedCopy }) => ({
  pages: planned.pages.map((p) => ({ batch: batchId, ...p })),
  anomalies: planned.anomalies,
  segmentation: { boundary: planned.evidence.boundary, margin: planned.evidence.margin, unsure: planned.evidence.unsure, booklet: planned.booklet?.copyNo ?? null },
})

/** A copy is identified within its batch by where it starts: re-running a batch finds it again. */
export const sourceKeyOf = (batchId: Id, copy: PlannedCopy): string => {
  const first = copy.pages[0]!
  return `${batchId}:${first.sourcePage}:${first.region}`
}
