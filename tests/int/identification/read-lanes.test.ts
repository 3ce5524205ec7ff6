import type { Payload } from 'payload'

import { identifyExam } from '../../../plugins/identification/services/identifyExam'
import { openHeaderReading } from '../../../plugins/identification/services/readHeaders'
import { READ_COPY_HEADERS, runReadLane } from '../../../plugins/identification/services/readLanes'
import { ingestBatch } from '../../../plugins/scan-pipeline/services/ingestBatch'
import { getBatch } from '../../fixtures/scans'
import { watchPayload } from '../helpers/payload-calls'
import { uploadBatch } from '../helpers/scans'
import { useSeededApp } from '../helpers/seededApp'
import { CLASS, rosterFor, scoreIdentification } from './helpers'

/**
 * Issue 16, point 2: an exam's headers read by several workers (KORRIGO_IDENTIFY_LANES). The identify job
 * queues its lanes and reads beside them; here a lane runs in the same process at the same time, as a second
 * worker would. Every copy is read exactly once, both readers read some, and the names are the same
 * one-reader identification gives: no wrong name, the unnamed copy left for review.
 */
// No job runs by itself: the test plays the identify job and one lane.
const ctx = useSeededApp({ processJobs: false })

/** How many times each copy's header reading was written. */
const countReadings = (payload: Payload) => {
  const writes = new Map<string, number>()
  const restore = watchPayload({
    payload,
    method: 'update',
    seen: (args) => {
      // A reading is stored with the zones it found (the class-wide matching later rewrites identification alone).
      const data = args.data as { identification?: { readings?: unknown }; identityZones?: unknown } | undefined
      if (args.collection === 'copies' && 'id' in args && data?.identification?.readings && data.identityZones !== undefined) writes.set(String(args.id), (writes.get(String(args.id)) ?? 0) + 1)
    },
  })
  return { writes, restore }
}

it('reads each copy once across the identify job and a lane, and names the class as one reader would', async () => {
  const { payload, agenda } = ctx.app.runtime
  const { bytes, truth } = await getBatch('a4-mini')
  const { students } = rosterFor({ truth, absent: 2 })
  for (const [i, s] of students.entries())
    await payload.create({ collection: 'students', data: { lastName: s.last_name, firstName: s.first_name, birthDate: `2008-0${(i % 9) + 1}-1${i % 9}`, className: CLASS } as never, overrideAccess: true })
  const exam = await payload.create({ collection: 'exams', data: { title: 'Lanes', className: CLASS, layout: 'a4' } as never })
  const batch = await uploadBatch({ client: ctx.admin, exam: exam.id, name: 'lanes.pdf', bytes })
  while ((await ingestBatch({ payload, batchId: batch.id, progress: async () => undefined })).more);

  const { writes, restore } = countReadings(payload)
  let laneRead = 0
  try {
    const job = identifyExam({ payload, examId: exam.id, options: { lanes: 2 } })
    // The lane starts once the job has queued it, as a worker taking it from the queue would.
    for (let i = 0; i < 300 && !(await agenda.queryJobs({ name: READ_COPY_HEADERS })).jobs.length; i++) await new Promise((r) => setTimeout(r, 100))
    const queued = (await agenda.queryJobs({ name: READ_COPY_HEADERS })).jobs
    expect(queued.map((j) => String((j.data as { examId?: unknown } | undefined)?.examId))).toEqual([String(exam.id)])
    laneRead = (await runReadLane({ payload, examId: exam.id })).read
    await job
  } finally {
    restore()
  }

  const copies = (await payload.find({ collection: 'copies', where: { exam: { equals: exam.id } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' })).docs as any[]
  expect(copies).toHaveLength(truth.copies.length)
  // Each copy read once, by one of the two; both did some of the work.
  expect(copies.map((c) => writes.get(String(c.id)) ?? 0)).toEqual(copies.map(() => 1))
  expect(laneRead).toBeGreaterThan(0)
  expect(laneRead).toBeLessThan(copies.length)
  // The class named as by one reader: no wrong name, the unnamed copy for review.
  const score = await scoreIdentification({ payload, copies, truth })
  expect(score.wrongs).toEqual([])
  expect(score.right).toBeGreaterThan(0)
  const unnamed = truth.copies.findIndex((c) => !c.student)
  expect(copies[unnamed].identification.status).toBe('needs_review')

  // A reader whose claim ran out (a slow machine) and that read a copy another reader has read meanwhile:
  // its reading is dropped, the stored one stands.
  const stale = { ...copies[0], identification: { ...copies[0].identification, readings: null } }
  const late = countReadings(payload)
  const reading = openHeaderReading({ payload, examId: exam.id, exam, copies: [stale], options: {} })
  try {
    await reading.readOne(stale)
  } finally {
    late.restore()
    await reading.close()
  }
  expect(late.writes.get(String(stale.id)) ?? 0).toBe(0)
  const after = await payload.findByID({ collection: 'copies', id: stale.id, depth: 0, overrideAccess: true })
  expect((after as any).identification.readings).toEqual(copies[0].identification.readings)
}, 900_000)
