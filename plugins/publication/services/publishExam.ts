import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { ConflictError } from '../../../runtime/errors'
import type { RenderLocale } from '../lib/types'
import { finalizedCopies, renderExam } from './renderExam'

export type PublishResult = { published: number; publishedAt: string }

/**
 * Publishes an exam, all or nothing: renders the finalized copies' missing annotated PDFs; if one
 * cannot be rendered, nothing is published and the error names it (fix it, run again: what was rendered
 * is kept). Then stamps `publishedAt` on every finalized copy and marks the exam published (which fires
 * `onExamPublished`). Copies that are not finalized stay unpublished.
 */
export const publishExam = async ({
  payload,
  examId,
  locale,
  progress,
}: {
  payload: Payload
  examId: Id
  locale?: RenderLocale
  progress?: (args: { done: number; total: number }) => Promise<void>
}): Promise<PublishResult> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true })
  if (!(await finalizedCopies({ payload, examId })).length) throw new ConflictError(`"${exam.title}" has no finalized copy to publish`)
  const rendered = await renderExam({ payload, examId, locale, progress })
  if (rendered.failed.length)
    throw new ConflictError(
      `"${exam.title}" was not published: ${rendered.failed.length} cop${rendered.failed.length > 1 ? 'ies' : 'y'} could not be rendered (${rendered.failed.map((f) => `${f.copyId}: ${f.message}`).join('; ')})`,
      { failed: rendered.failed },
    )
  const publishedAt = new Date().toISOString()
  const copies = await finalizedCopies({ payload, examId })
  for (const copy of copies)
    if (!copy.publishedAt)
      await payload.update({ collection: 'copies', id: copy.id, data: { publishedAt }, depth: 0, overrideAccess: true })
  await payload.update({ collection: 'exams', id: examId, data: { status: 'published', publishedAt, publishAt: null }, depth: 0, overrideAccess: true })
  return { published: copies.length, publishedAt }
}
