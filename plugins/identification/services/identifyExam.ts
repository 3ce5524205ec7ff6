import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { config } from '../../../runtime/config'
import { NotFoundError } from '../../../runtime/errors'
import { identifyCopies, toMatchStudent, type CopyIdentification } from '../lib/match/index'
import { MAX_SPLIT_PASSES } from '../lib/pageNumbers/index'
import type { IdentificationOptions, StoredCandidate } from '../types'
import { copiesOfExam, displayName, isSettled, studentsOfExam, type CopyDoc } from './copies'
import { advanceExamIfIdentified } from './examStatus'
import { isLoose, looseBatchesOf } from './looseBatches'
import { mergeFragments } from './mergeFragments'
import { orderWrittenPages } from './orderWrittenPages'
import { copiesToRead, openHeaderReading, readEach } from './readHeaders'
import { openReadLanes, readWithLanes, whileReadingHere } from './readLanes'
import { copyReadingOf } from './sheetReadings'

export type IdentifyProgress = (args: { done: number; total: number }) => Promise<void>
/** Where a run's time went, in ms (logged with the job): reading headers, joining pieces, ordering pages, matching and writing. */
export type IdentifyPhases = { read: number; join: number; order: number; match: number }
export type IdentifyExamResult = { read: number; identified: number; needsReview: number; settled: number; examAdvanced: boolean; phaseMs: IdentifyPhases }

/** Jobs reading one exam's headers at once, this one included: the options' (tests), else KORRIGO_IDENTIFY_LANES. */
const lanesOf = (options: IdentificationOptions): number => options.lanes ?? config().KORRIGO_IDENTIFY_LANES

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
  const toRead = copiesToRead({ copies: before, reread })
  const total = toRead.length + 1
  await progress({ done: 0, total })
  const phaseMs: IdentifyPhases = { read: 0, join: 0, order: 0, match: 0 }
  let phaseStart = performance.now()
  const endPhase = (phase: keyof IdentifyPhases) => {
    const now = performance.now()
    phaseMs[phase] = Math.round(now - phaseStart)
    phaseStart = now
  }

  // The OCR engines take seconds to start: opened on first need, once for the run.
  const reading = openHeaderReading({ payload, examId, exam, copies: before, options, reread })
  try {
    const lanes = lanesOf(options)
    if (lanes > 1 && !reread && toRead.length > 1) {
      // Other workers read beside this job (each copy claimed first); it waits for the copies they hold.
      await whileReadingHere(examId, async () => {
        // The engines start before any copy is claimed: their start-up (tens of seconds on a busy machine)
        // must not eat the claim's time.
        await reading.readers()
        await openReadLanes({ examId, lanes: lanes - 1 })
        await readWithLanes({ payload, copies: toRead, readOne: reading.readOne, progress: (done) => progress({ done, total }) })
      })
    } else {
      let done = 0
      await readEach({ copies: toRead, read: reading.readOne, after: () => progress({ done: ++done, total }) })
    }
    endPhase('read')

    // One student's copy that ingestion cut into pieces (a name on every sheet, an annex scanned apart)
    // is joined before the class-wide matching, which gives each student one copy.
    const roster = await studentsOfExam({ payload, exam })
    const joined = await mergeFragments({ payload, examId, students: roster })
    endPhase('join')
    // Then its pages go in the order the student numbered them, and the pages no sheet carries are named
    // (when something was read or joined: a run after a hand edit has nothing new to order).
    const order = () => orderWrittenPages({ payload, examId, formForBatch: reading.formForFooter, engines: async () => (await reading.readers()).engines })
    if (toRead.length || joined) {
      let { numbered, split } = await order()
      let numberedAtAll = numbered
      // A copy cut in two where its numbers start again at 1: the new copy's first page is read like the others',
      // and both parts' numbers apart (a part may hold yet another copy).
      for (let pass = 0; split && pass < MAX_SPLIT_PASSES; pass++) {
        await readEach({ copies: copiesToRead({ copies: await copiesOfExam({ payload, examId }), reread: false }), read: reading.readOne })
        ;({ numbered, split } = await order())
        numberedAtAll += numbered
      }
      // Pieces whose written page numbers follow each other (a sheet whose name could not be read) are joined
      // once those numbers are read, and the joined copy is put in order.
      if (numberedAtAll && (await mergeFragments({ payload, examId, students: roster }))) await order()
    }
    endPhase('order')
  } finally {
    await reading.close()
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
      const matchStudents = students.map((s) => toMatchStudent({ studentKey: String(s.id), lastName: s.lastName, firstName: s.firstName, birthDate: s.birthDate, rosterName: s.rosterName }))
      // Copies first, among themselves: a loose sheet left unjoined (an annex read better than its copy) must
      // not take its student from the copy or make it ambiguous. The sheets then go to the students left.
      const looseBatches = await looseBatchesOf({ payload, copies: matchable })
      const [main, loose] = [matchable.filter((c) => !isLoose({ copy: c, looseBatches })), matchable.filter((c) => isLoose({ copy: c, looseBatches }))]
      const mainResults = identifyCopies({ copies: main.map(copyReadingOf), students: matchStudents })
      const namedFirst = new Set(mainResults.flatMap((r) => (r.status === 'identified' && r.studentKey ? [r.studentKey] : [])))
      // Scored against the whole class (a classmate's near name must not win because the right one is taken): a
      // sheet whose student has a copy already waits at the desk, to be joined there.
      const looseResults = identifyCopies({ copies: loose.map(copyReadingOf), students: matchStudents }).map((r): CopyIdentification =>
        r.status === 'identified' && r.studentKey && namedFirst.has(r.studentKey) ? { ...r, status: 'needs_review', studentKey: null, reason: 'sheet_of_named_student' } : r,
      )
      const results = [...mainResults, ...looseResults]

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
  endPhase('match')
  await progress({ done: total, total })
  const examAdvanced = await advanceExamIfIdentified({ payload, examId })
  return { read: toRead.length, identified, needsReview, settled: settledCount, examAdvanced, phaseMs }
}
