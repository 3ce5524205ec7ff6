import type { PayloadRequest } from 'payload'

import type { ScaleQuestion } from '../grading-scale'
import type { Id } from '../access/roles'
import { idOf } from '../relations'
import { forgetForRequest, oncePerRequest } from '../request-memo'

/**
 * What a grade or an annotation save needs of its copy and exam, read once per request and only those
 * fields. A whole copy (pages, zones, identification, segmentation…) costs the database adapter far more to
 * build the query for and read than to run it: a save used to read its copy five times and its exam three.
 */
export type CopyForMarking = { id: Id; exam: Id; status: string; anonymousId: string; pageCount: number; publishedAt: string | null }

export const copyForMarking = ({ id, req }: { id: Id; req: PayloadRequest }): Promise<CopyForMarking | undefined> =>
  oncePerRequest(req, `copy-for-marking:${id}`, () =>
    req.payload
      .findByID({ collection: 'copies', id, depth: 0, overrideAccess: true, req, disableErrors: true, select: { exam: true, status: true, anonymousId: true, publishedAt: true, pages: { sourcePage: true } } })
      .then((doc) =>
        doc
          ? {
              id: doc.id as Id,
              exam: idOf(doc.exam)!,
              status: doc.status as string,
              anonymousId: doc.anonymousId as string,
              pageCount: Array.isArray(doc.pages) ? doc.pages.length : 0,
              publishedAt: (doc as { publishedAt?: string | null }).publishedAt ?? null,
            }
          : undefined,
      ),
  )

/** The request changed the copy (its status): the next read goes to the database. */
export const forgetCopy = ({ id, req }: { id: Id; req: PayloadRequest }): void => forgetForRequest(req, `copy-for-marking:${id}`)

export const examScale = ({ id, req }: { id: Id; req: PayloadRequest }): Promise<ScaleQuestion[]> =>
  oncePerRequest(req, `exam-scale:${id}`, () =>
    req.payload.findByID({ collection: 'exams', id, depth: 0, overrideAccess: true, req, select: { gradingScale: true } }).then((exam) => (exam.gradingScale ?? []) as ScaleQuestion[]),
  )
