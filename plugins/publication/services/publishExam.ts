import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { ConflictError } from '../../../runtime/errors'
import type { RenderLocale } from '../lib/types'
import { finalizedCopies, renderExam } from './renderExam'

export type PublishResult = { published: number; failed: { copyId: Id; message: string }[]; publishedAt: string }

/**
 * Publishes an exam: renders the finalized copies' missing annotated PDFs, stamps `publishedAt` on each
 * copy that has one, then marks the exam published (which fires `onExamPublished`). Copies that are not
 * finalized stay unpublished; a copy whose rendering failed is not published and is reported.
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
  const failed = new Set(rendered.failed.map((f) => String(f.copyId)))
  const publishedAt = new Date().toISOString()
  let published = 0
  for (const copy of await finalizedCopies({ payload, examId })) {
    if (failed.has(String(copy.id))) continue
    published++
    if (!(copy as { publishedAt?: string }).publishedAt)
      await payload.update({ collection: 'copies', id: copy.id, data: { publishedAt } as never, depth: 0, overrideAccess: true })
  }
  await payload.update({ collection: 'exams', id: examId, data: { status: 'published', publishedAt, publishAt: null } as never, depth: 0, overrideAccess: true })
  return { published, failed: rendered.failed, publishedAt }
}
