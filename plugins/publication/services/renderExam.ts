import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import type { RenderLocale } from '../lib/types'
import { renderCopy } from './renderCopy'

export type RenderExamResult = { rendered: Id[]; failed: { copyId: Id; message: string }[]; upToDate: number }

/** The exam's finalized copies in a stable order; `published` keeps only those already published. */
export const finalizedCopies = async ({ payload, examId, published = false }: { payload: Payload; examId: Id; published?: boolean }) =>
  (
    await payload.find({
      collection: 'copies',
      where: { and: [{ exam: { equals: examId } }, { status: { equals: 'finalized' } }, ...(published ? [{ publishedAt: { exists: true } }] : [])] },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'anonymousId',
    })
  ).docs

/**
 * Renders the annotated PDF of every finalized copy of an exam (only the missing ones unless `force`),
 * one copy at a time to keep memory flat, reporting progress per copy. A copy that fails is reported
 * and the others go on.
 */
export const renderExam = async ({
  payload,
  examId,
  force = false,
  locale,
  progress,
}: {
  payload: Payload
  examId: Id
  force?: boolean
  locale?: RenderLocale
  progress?: (args: { done: number; total: number }) => Promise<void>
}): Promise<RenderExamResult> => {
  const copies = await finalizedCopies({ payload, examId })
  const todo = copies.filter((c) => force || idOf(c.annotatedPdf) === undefined)
  const result: RenderExamResult = { rendered: [], failed: [], upToDate: copies.length - todo.length }
  await progress?.({ done: 0, total: todo.length })
  for (const [index, copy] of todo.entries()) {
    try {
      await renderCopy({ payload, copyId: copy.id, locale })
      result.rendered.push(copy.id)
    } catch (error) {
      result.failed.push({ copyId: copy.id, message: (error as Error).message })
    }
    await progress?.({ done: index + 1, total: todo.length })
  }
  return result
}
