import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../../collections/access/roles'
import { idOf, sameId } from '../../../../collections/relations'
import { BadRequestError, NotFoundError } from '../../../../runtime/errors'
import { readUpload } from '../../../../storage/uploads'
import { studentsOfExam } from '../../../identification/services/copies'
import type { BookletCopy, BookletLayout } from '../../lib/booklets/printBooklets'
import { recordOf, type BookletRecord } from './record'

/** Bundlers must not follow the printer (its fonts are read from node_modules): it only runs under Node. */
const loadPrinter = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../../lib/booklets/printBooklets')

export const BOOKLET_LAYOUTS: readonly BookletLayout[] = ['a4', 'a3']
const MAX_BLANK = 500

/**
 * The exam's prepared booklets as one print-ready PDF: one per student of the exam's class (name printed),
 * plus `blank` booklets with name boxes. Booklet numbers are recorded on the exam before the PDF is
 * returned, so every code that comes back from the scanner is known.
 */
export const printExamBooklets = async ({
  payload,
  req,
  examId,
  layout = 'a4',
  blank = 0,
}: {
  payload: Payload
  req?: PayloadRequest
  examId: Id
  layout?: BookletLayout
  blank?: number
}): Promise<{ pdf: Uint8Array; fileName: string; named: number; blank: number }> => {
  if (!BOOKLET_LAYOUTS.includes(layout)) throw new BadRequestError(`layout must be one of ${BOOKLET_LAYOUTS.join(', ')}, got ${JSON.stringify(layout)}`)
  if (!Number.isInteger(blank) || blank < 0 || blank > MAX_BLANK) throw new BadRequestError(`blank must be a whole number of booklets between 0 and ${MAX_BLANK}, got ${blank}`)
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
  const students = exam.className ? await studentsOfExam({ payload, exam, req }) : []
  if (students.length === 0 && blank === 0)
    throw new BadRequestError(`Exam "${exam.title}" has no class list${exam.className ? ` (no student in class ${exam.className})` : ' (no class set)'}: import it, or ask for blank booklets (?blank=30)`)

  // Numbers already printed stay with their student; new students and blank booklets get the next ones.
  const record = recordOf(exam as { booklets?: unknown })
  let next = Math.max(0, ...record.copies.map((c) => c.copyNo)) + 1
  const copies: BookletRecord['copies'] = [...record.copies]
  const toPrint: BookletCopy[] = []
  for (const student of students) {
    let entry = copies.find((c) => c.student !== null && sameId(c.student, student.id))
    if (!entry) copies.push((entry = { copyNo: next++, student: student.id }))
    toPrint.push({ copyNo: entry.copyNo, student: { lastName: student.lastName, firstName: student.firstName } })
  }
  for (let i = 0; i < blank; i++) {
    copies.push({ copyNo: next, student: null })
    toPrint.push({ copyNo: next++ })
  }

  const subjectId = idOf(exam.blankSubject)
  const media = subjectId === undefined ? null : await payload.findByID({ collection: 'media', id: subjectId, depth: 0, overrideAccess: true, req, disableErrors: true })
  const subject = media ? await readUpload({ payload, collection: 'media', doc: media }) : undefined
  const { printBooklets } = await loadPrinter()
  const pdf = await printBooklets({ examId: exam.id, title: exam.title, subject, pageCount: exam.pagesPerCopy ?? undefined, copies: toPrint, layout })
  await payload.update({ collection: 'exams', id: exam.id, depth: 0, overrideAccess: true, req, data: { booklets: { printedAt: new Date().toISOString(), copies } satisfies BookletRecord } as never })
  return { pdf, fileName: `livrets-${exam.id}-${layout}.pdf`, named: students.length, blank }
}
