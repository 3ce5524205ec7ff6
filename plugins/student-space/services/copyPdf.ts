import type { Payload } from 'payload'

import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import { readUpload } from '../../../storage/uploads'
import { copyFileName } from '../lib/filename'
import type { StudentId } from '../lib/token'
import { visibleCopiesWhere } from './copies'

/** One answer for "no such copy", "someone else's", "not published yet" and "no PDF": a guessed id learns nothing. */
const notFound = (): NotFoundError => new NotFoundError('This copy does not exist.')

/**
 * The annotated PDF of one of the student's published copies. The copy is looked up with the ownership
 * and publication conditions in the query itself; only then are its PDF and names read.
 */
export const publishedCopyPdf = async ({
  payload,
  studentId,
  copyId,
}: {
  payload: Payload
  studentId: StudentId
  copyId: string
}): Promise<{ bytes: Uint8Array; fileName: string }> => {
  // Ids are numbers on PostgreSQL and hex strings on MongoDB; anything else cannot name a copy.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(copyId)) throw notFound()
  const id = /^\d+$/.test(copyId) ? Number(copyId) : copyId
  const found = await payload
    .find({
      collection: 'copies',
      where: { and: [{ id: { equals: id } }, visibleCopiesWhere({ studentId })] },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
    })
    .catch(() => undefined)
  const copy = found?.docs[0]
  const mediaId = idOf(copy?.annotatedPdf)
  if (!copy || mediaId === undefined) throw notFound()
  const [media, exam, student] = await Promise.all([
    payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true, disableErrors: true }),
    payload.findByID({ collection: 'exams', id: idOf(copy.exam)!, depth: 0, overrideAccess: true, select: { title: true }, disableErrors: true }),
    payload.findByID({ collection: 'students', id: studentId, depth: 0, overrideAccess: true, select: { firstName: true, lastName: true }, disableErrors: true }),
  ])
  if (!media || media.kind !== 'annotated-pdf') throw notFound()
  const bytes = await readUpload({ payload, collection: 'media', doc: media }).catch(() => {
    payload.logger.error({ copy: copy.id, media: media.id }, 'the annotated PDF of a published copy is missing from storage')
    throw notFound()
  })
  return { bytes, fileName: copyFileName({ examTitle: exam?.title ?? 'copie', lastName: student?.lastName, firstName: student?.firstName }) }
}
