import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { enqueueLanes } from '../../../jobs/queue'
import { withLockIfFree } from '../../../locks/withLock'
import type { IdentificationOptions } from '../types'
import { copiesOfExam, type CopyDoc } from './copies'
import { copiesToRead, openHeaderReading, readEach } from './readHeaders'

/**
 * Several workers reading one exam's headers (KORRIGO_IDENTIFY_LANES): the identify job queues lanes, jobs any
 * free worker may take; each reads the copies nobody holds. Matching stays the identify job's, once every copy
 * is read: the roster assignment is global.
 */
export const READ_COPY_HEADERS = 'read-copy-headers'

/**
 * Exams whose identify job is reading in this process. Agenda limits each job name per process, not jobs
 * of different names, so the worker running an exam's identify job would often take its lane too: two
 * readers on one core while the other worker idles. Such a lane steps aside for a moment instead.
 */
const readingHere = new Set<string>()
export const whileReadingHere = async <T>(examId: Id, work: () => Promise<T>): Promise<T> => {
  readingHere.add(String(examId))
  try {
    return await work()
  } finally {
    readingHere.delete(String(examId))
  }
}
export const isReadingHere = (examId: Id): boolean => readingHere.has(String(examId))

/** How long a reader's claim on a copy holds when the reader dies without releasing it. */
const CLAIM_MS = 120_000

/** The identify job's helpers: `lanes` jobs any free worker may take, each reading the headers nobody holds. */
export const openReadLanes = async ({ examId, lanes }: { examId: Id; lanes: number }): Promise<void> => {
  await enqueueLanes({ name: READ_COPY_HEADERS, data: { examId }, lanes })
}

/**
 * Reads the copy unless another worker holds it or has read it meanwhile: a claim per copy (a lock row that
 * expires, so a dead worker's copy is read by another). 'busy' when another worker holds it.
 */
export const readIfFree = async ({ payload, copy, readOne }: { payload: Payload; copy: CopyDoc; readOne: (copy: CopyDoc) => Promise<void> }): Promise<'read' | 'busy' | 'gone'> => {
  const claim = await withLockIfFree({
    payload,
    key: `identify-read:${copy.id}`,
    ttlMs: CLAIM_MS,
    work: async (): Promise<'read' | 'gone'> => {
      const now = await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true, select: { identification: true } })
      if (!now || now.identification?.readings) return 'gone'
      await readOne(copy)
      return 'read'
    },
  })
  return claim.busy ? 'busy' : claim.value
}

/** Of these copies, the ones still without a reading (and still there). */
export const unreadOf = async ({ payload, copies }: { payload: Payload; copies: CopyDoc[] }): Promise<CopyDoc[]> => {
  if (!copies.length) return []
  const { docs } = await payload.find({
    collection: 'copies',
    where: { id: { in: copies.map((c) => c.id) } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { identification: true },
  })
  const unread = new Set(docs.filter((doc) => !doc.identification?.readings).map((doc) => String(doc.id)))
  return copies.filter((c) => unread.has(String(c.id)))
}

/**
 * The identify job's reading when lanes help it: every copy is claimed before it is read, and the job reads
 * until each of its copies is read (by it or a lane) or was tried by the job itself; while the only copies
 * left are held by lanes it waits for them (a dead lane's claim expires and the job reads the copy).
 */
export const readWithLanes = async ({ payload, copies, readOne, progress }: { payload: Payload; copies: CopyDoc[]; readOne: (copy: CopyDoc) => Promise<void>; progress: (done: number) => Promise<void> }) => {
  const tried = new Set<string>()
  for (;;) {
    const unread = await unreadOf({ payload, copies })
    await progress(copies.length - unread.length)
    const todo = unread.filter((c) => !tried.has(String(c.id)))
    if (!todo.length) return
    let busy = 0
    await readEach({
      copies: todo,
      read: async (copy) => {
        const outcome = await readIfFree({ payload, copy, readOne })
        if (outcome === 'busy') busy++
        else tried.add(String(copy.id))
      },
    })
    if (busy) await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
}

/** One lane: the exam's unread copies that nobody holds, read once; the identify job waits for what it holds. */
export const runReadLane = async ({ payload, examId, options = {} }: { payload: Payload; examId: Id; options?: IdentificationOptions }): Promise<{ read: number }> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!exam) return { read: 0 }
  const copies = await copiesOfExam({ payload, examId })
  const reading = openHeaderReading({ payload, examId, exam, copies, options })
  const toRead = copiesToRead({ copies, reread: false })
  let read = 0
  try {
    // Engines started before the first claim (see identifyExam).
    if (toRead.length) await reading.readers()
    await readEach({
      copies: toRead,
      read: async (copy) => {
        if ((await readIfFree({ payload, copy, readOne: reading.readOne })) === 'read') read++
      },
    })
  } finally {
    await reading.close()
  }
  return { read }
}
