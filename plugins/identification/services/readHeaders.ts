import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { detectedZones } from '../../anonymization/services/detectedZones'
import type { IdentificationOptions } from '../types'
import { isOpen, isSettled, type CopyDoc } from './copies'
import { openHeaderReaders, type HeaderReaders } from './engines'
import { openFormCache } from './forms'
import { readCopyHeader } from './readCopyHeader'

/** Copies one reader reads side by side (see `readEach`). */
const COPIES_READ_AT_ONCE = 2

const firstPageKey = (copy: CopyDoc): string => {
  const first = copy.pages?.[0]
  return first ? `${idOf(first.batch)}:${first.sourcePage}:${first.region}:${first.rotation}` : ''
}

/** The copies of an exam whose header a run reads: open, with a PDF, not decided, and not read yet unless re-reading. */
export const copiesToRead = ({ copies, reread }: { copies: CopyDoc[]; reread: boolean }): CopyDoc[] =>
  copies.filter((c) => !isSettled(c) && isOpen(c) && c.pdf && (reread || !c.identification?.readings))

/**
 * Two copies at a time: while one waits for its fields' OCR (tesseract's thread, PaddleOCR's process), the
 * other is rendered and its writing found on this thread; one at a time left a core idle.
 */
export const readEach = async ({ copies, read, after }: { copies: CopyDoc[]; read: (copy: CopyDoc) => Promise<void>; after?: () => Promise<void> }) => {
  let next = 0
  const lane = async () => {
    while (next < copies.length) {
      await read(copies[next++]!)
      await after?.()
    }
  }
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(COPIES_READ_AT_ONCE, copies.length) }, lane))
  const failed = lanes.find((result): result is PromiseRejectedResult => result.status === 'rejected')
  if (failed) throw failed.reason
}

export type HeaderReading = {
  /** Reads one copy's header and stores what was read (the reading and the zones anonymization paints out). */
  readOne: (copy: CopyDoc) => Promise<void>
  /** The engines, started on first need (ordering written pages uses them too). */
  readers: () => Promise<HeaderReaders>
  formForFooter: ReturnType<typeof openFormCache>['formForFooter']
  close: () => Promise<void>
}

/** What a run that reads headers holds: the OCR engines (seconds to start: once per run) and the batches' blank forms. */
export const openHeaderReading = ({
  payload,
  examId,
  exam,
  copies,
  options,
  reread = false,
}: {
  payload: Payload
  examId: Id
  exam: { blankSubject?: unknown }
  copies: CopyDoc[]
  options: IdentificationOptions
  /** Replace readings already stored; otherwise a copy another reader has read meanwhile keeps that reading. */
  reread?: boolean
}): HeaderReading => {
  let opened: Promise<HeaderReaders> | undefined
  const readers = () => (opened ??= openHeaderReaders({ engines: options.engines }))
  const forms = openFormCache({ payload, exam, readers, copies })
  const readOne = async (copy: CopyDoc) => {
    const read = await readCopyHeader({ payload, copy, readers: await readers(), form: () => forms.formFor(copy), subjectForm: () => forms.subjectFormFor(copy), page: () => forms.pageOf(copy), dpi: options.dpi }).catch(async (error: Error) => {
      // One unreadable copy (a damaged PDF, a copy merged away meanwhile) must not cost the others their names:
      // it stays unread, so it goes to the desk and the next run tries it again.
      const still = await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true })
      if (still) payload.logger.warn({ copy: copy.id, anonymousId: copy.anonymousId, err: error.message }, 'header of a copy could not be read')
      return undefined
    })
    if (!read) return
    await withLock({
      payload,
      key: examCopiesLock(examId),
      work: async () => {
        // Pages may have been edited by hand while this copy was read: a stale reading is dropped, the edit queued another run.
        const now = await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true })
        // One write for the reading and the zones anonymization paints out: two writes of the same copy
        // racing each other (the redaction job's) lose one of them.
        // Another worker's reading stored meanwhile (its claim outlived on a slow machine) stands: one reading per copy.
        const readMeanwhile = !reread && Boolean(now?.identification?.readings)
        if (now && !readMeanwhile && firstPageKey(now as CopyDoc) === firstPageKey(copy) && String(idOf(now.pdf)) === String(idOf(copy.pdf)))
          await payload.update({
            collection: 'copies',
            id: copy.id,
            depth: 0,
            overrideAccess: true,
            data: { identification: { ...now.identification, readings: read.readings, headerCrop: read.headerCrop }, identityZones: detectedZones(read.zones) } as never,
          })
      },
    })
  }
  return {
    readOne,
    readers,
    formForFooter: forms.formForFooter,
    close: async () => {
      if (opened) await (await opened.catch(() => undefined))?.terminate()
    },
  }
}
