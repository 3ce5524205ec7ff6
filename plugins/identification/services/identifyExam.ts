import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { NotFoundError } from '../../../runtime/errors'
import { detectedZones } from '../../anonymization/services/detectedZones'
import { identifyCopies, toMatchStudent, type CopyReading } from '../lib/match/index'
import type { IdentificationOptions, StoredCandidate } from '../types'
import { copiesOfExam, displayName, isOpen, isSettled, studentsOfExam, type CopyDoc } from './copies'
import { openHeaderReaders, type HeaderReaders } from './engines'
import { advanceExamIfIdentified } from './examStatus'
import { openFormCache } from './forms'
import { mergeFragments } from './mergeFragments'
import { orderWrittenPages } from './orderWrittenPages'
import { readCopyHeader, type StoredReadings } from './readCopyHeader'

export type IdentifyProgress = (args: { done: number; total: number }) => Promise<void>
export type IdentifyExamResult = { read: number; identified: number; needsReview: number; settled: number; examAdvanced: boolean }

const firstPageKey = (copy: CopyDoc): string => {
  const first = copy.pages?.[0]
  return first ? `${idOf(first.batch)}:${first.sourcePage}:${first.region}:${first.rotation}` : ''
}

const updateCopy = (payload: Payload, id: Id, data: Record<string, unknown>) => payload.update({ collection: 'copies', id, data: data as never, depth: 0, overrideAccess: true })

/** A copy merged into another by hand while the job ran is simply gone: nothing to name. */
const updateIfStillThere = async (payload: Payload, id: Id, data: Record<string, unknown>) => {
  try {
    await updateCopy(payload, id, data)
  } catch (error) {
    const still = await payload.findByID({ collection: 'copies', id, depth: 0, overrideAccess: true, disableErrors: true })
    if (still) throw error
  }
}

/**
 * Reads the headers of the exam's copies that have not been read yet, then names copies with one
 * global assignment over the whole exam: exclusivity (a student wrote one copy) is what makes a
 * half-read name safe. Copies decided by hand, or already being marked, keep their student and
 * take that student out of the pool.
 */
export const identifyExam = async ({
  payload,
  examId,
  progress = async () => undefined,
  options = {},
  reread = false,
}: {
  payload: Payload
  examId: Id
  progress?: IdentifyProgress
  options?: IdentificationOptions
  reread?: boolean
}): Promise<IdentifyExamResult> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
  const before = await copiesOfExam({ payload, examId })
  const toRead = before.filter((c) => !isSettled(c) && isOpen(c) && c.pdf && (reread || !c.identification?.readings))
  const total = toRead.length + 1
  await progress({ done: 0, total })

  // The OCR engines take seconds to start: opened on first need, once for the run.
  let opened: Promise<HeaderReaders> | undefined
  const readers = () => (opened ??= openHeaderReaders({ engines: options.engines }))
  const forms = openFormCache({ payload, exam, readers, copies: before })
  try {
    for (const [index, copy] of toRead.entries()) {
      const read = await readCopyHeader({ payload, copy, readers: await readers(), form: () => forms.formFor(copy), dpi: options.dpi }).catch(async (error: Error) => {
        // One unreadable copy (a damaged PDF, a copy merged away meanwhile) must not cost the others their names:
        // it stays unread, so it goes to the desk and the next run tries it again.
        const still = await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true })
        if (still) payload.logger.warn({ copy: copy.id, anonymousId: copy.anonymousId, err: error.message }, 'header of a copy could not be read')
        return undefined
      })
      if (read)
        await withLock({
          payload,
          key: examCopiesLock(examId),
          work: async () => {
            // Pages may have been edited by hand while this copy was read: a stale reading is dropped, the edit queued another run.
            const now = await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true })
            // One write for the reading and the zones anonymization paints out: two writes of the same copy
            // racing each other (the redaction job's) lose one of them.
            if (now && firstPageKey(now as CopyDoc) === firstPageKey(copy) && String(idOf(now.pdf)) === String(idOf(copy.pdf)))
              await updateCopy(payload, copy.id, {
                identification: { ...now.identification, readings: read.readings, headerCrop: read.headerCrop },
                identityZones: detectedZones(read.zones),
              })
          },
        })
      await progress({ done: index + 1, total })
    }

    // One student's copy that ingestion cut into pieces (a name on every sheet, an annex scanned apart)
    // is joined before the class-wide matching, which gives each student one copy.
    const joined = await mergeFragments({ payload, examId, students: await studentsOfExam({ payload, exam }) })
    // Then its pages go in the order the student numbered them, and the pages no sheet carries are named
    // (when something was read or joined: a run after a hand edit has nothing new to order).
    if (toRead.length || joined) await orderWrittenPages({ payload, examId, formForBatch: forms.formForBatch, engines: async () => (await readers()).engines })
  } finally {
    if (opened) await (await opened.catch(() => undefined))?.terminate()
  }

  // Matching and writing under the exam's lock: no copy is edited, deleted or named by hand in between.
  const { identified, needsReview, settledCount } = await withLock({
    payload,
    key: examCopiesLock(examId),
    work: async () => {
      const copies = await copiesOfExam({ payload, examId })
      const settled = copies.filter(isSettled)
      const taken = new Set(settled.map((c) => idOf(c.student)).filter((id) => id !== undefined).map(String))
      const students = (await studentsOfExam({ payload, exam })).filter((s) => !taken.has(String(s.id)))
      const byKey = new Map(students.map((s) => [String(s.id), s]))
      const matchable = copies.filter((c) => !isSettled(c))
      const results = identifyCopies({
        copies: matchable.map((c): CopyReading => {
          const readings = c.identification?.readings as StoredReadings | undefined
          return { copyKey: String(c.id), fields: readings?.fields ?? {}, lattices: readings?.lattices }
        }),
        students: students.map((s) => toMatchStudent({ studentKey: String(s.id), lastName: s.lastName, firstName: s.firstName, birthDate: s.birthDate, rosterName: s.rosterName })),
      })

      let identified = 0
      for (const result of results) {
        const copy = matchable.find((c) => String(c.id) === result.copyKey) as CopyDoc
        const candidates: StoredCandidate[] = result.candidates.flatMap((c) => {
          const student = byKey.get(c.studentKey)
          return student ? [{ studentId: student.id, name: displayName(student), score: Math.round(c.score * 1000) / 1000 }] : []
        })
        const named = result.status === 'identified' && result.studentKey ? byKey.get(result.studentKey) : undefined
        if (named) identified++
        await updateIfStillThere(payload, copy.id, {
          student: named?.id ?? null,
          status: named ? (copy.status === 'staging' ? 'ready' : copy.status) : 'staging',
          identification: {
            ...copy.identification,
            status: named ? 'identified' : 'needs_review',
            method: 'auto',
            confidence: Math.round(result.confidence * 1000) / 1000,
            candidates,
            reason: result.reason ?? null,
          },
        })
      }
      return { identified, needsReview: results.length - identified, settledCount: settled.length }
    },
  })
  await progress({ done: total, total })
  const examAdvanced = await advanceExamIfIdentified({ payload, examId })
  return { read: toRead.length, identified, needsReview, settled: settledCount, examAdvanced }
}
