import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { startTestApp, type TestApp } from '../helpers/app'
import { seedClass } from '../helpers/seed'

// A Payload update writes the whole document it read. Background jobs (redaction, identification,
// publication) and staff write the same copies at the same time: each writer must read what the previous
// one wrote, or a job storing its renditions undoes a teacher's "finalized" (seen in CI: a rubric item
// moved a finalized copy's mark because the redaction job had put the copy back to "marking").
let app: TestApp
let payload: Payload
let exam: string | number
let alice: Record<string, unknown>

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  payload = app.runtime.payload
  const seed = await seedClass(payload)
  exam = seed.maths.id
  alice = { ...(seed.alice as object), collection: 'users' }
}, 300_000)
afterAll(async () => app?.close(), 120_000)

const newCopy = async (n: number) =>
  (await payload.create({ collection: 'copies', data: { exam, status: 'ready', anonymousId: `K-ORDER${n}`, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never, depth: 0 })) as { id: string | number }

describe('concurrent writes of one copy', () => {
  it('keeps every field each writer set, whatever the order they ran in', async () => {
    const at = '2026-12-03T10:00:00.000Z'
    const writes: Record<string, unknown>[] = [
      { status: 'finalized' },
      { publishedAt: at },
      { notifiedAt: at },
      { anomalies: ['page 2 missing'] },
      { total: 12.5 },
      { decidedMarking: 2 },
    ]
    const copies = await Promise.all(Array.from({ length: 12 }, (_, n) => newCopy(n)))
    // Every field's write at once, on every copy: any two of them racing would lose one.
    await Promise.all(copies.flatMap((copy) => writes.map((data) => payload.update({ collection: 'copies', id: copy.id, data: data as never, depth: 0, overrideAccess: true }))))
    const { docs } = await payload.find({ collection: 'copies', where: { id: { in: copies.map((c) => c.id) } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })
    expect(docs).toHaveLength(copies.length)
    const lost = docs.flatMap((doc: any) =>
      writes.flatMap((data) => Object.entries(data).filter(([key, value]) => JSON.stringify(doc[key]) !== JSON.stringify(value)).map(([key]) => `${doc.anonymousId}.${key}`)),
    )
    expect(lost).toEqual([])
    // The server's own stamp follows the status that stayed.
    for (const doc of docs as any[]) expect(doc.finalizedAt).toBeTruthy()
  }, 120_000)

  it('holds for a bulk update by query racing single-copy writes', async () => {
    const copies = await Promise.all(Array.from({ length: 8 }, (_, n) => newCopy(100 + n)))
    const ids = copies.map((c) => c.id)
    await Promise.all([
      payload.update({ collection: 'copies', where: { id: { in: ids } }, data: { notifiedAt: '2026-12-03T11:00:00.000Z' } as never, depth: 0, overrideAccess: true }),
      ...ids.map((id) => payload.update({ collection: 'copies', id, data: { status: 'marking' } as never, depth: 0, overrideAccess: true })),
    ])
    const { docs } = await payload.find({ collection: 'copies', where: { id: { in: ids } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })
    expect(docs.map((d: any) => [d.status, d.notifiedAt])).toEqual(ids.map(() => ['marking', '2026-12-03T11:00:00.000Z']))
  }, 120_000)

  // Seen in CI as a teacher's mark answered 500: the redaction job wrote the copy between the mark's insert
  // (whose foreign key holds the copy shared) and the mark's own write of the copy (its total; "marking").
  const marks = [
    { what: 'a grade', collection: 'grades', data: (copy: unknown) => ({ copy, questionKey: 'Q1', points: 3 }), total: 3 },
    { what: 'an annotation', collection: 'annotations', data: (copy: unknown) => ({ copy, page: 1, kind: 'tick', geometry: { x: 10, y: 10 } }), total: null },
  ] as const
  it.each(marks)('saves $what while another writer holds the copy, after it, instead of dying as a deadlock', async ({ collection, data, total }) => {
    const copy = await newCopy(collection === 'grades' ? 200 : 201)
    const writer = await createLocalReq({}, payload)
    await initTransaction(writer)
    try {
      // The other writer takes the copy first, as every update of a copy does…
      await payload.db.updateOne({ collection: 'copies', id: copy.id, data: { updatedAt: new Date().toISOString() }, req: writer, returning: false })
      // …a mark arrives meanwhile and goes as far as it can…
      const mark = payload.create({ collection, data: data(copy.id) as never, user: alice as never, overrideAccess: true, depth: 0 })
      const settled = mark.then(() => 'saved', (error: Error) => error.message)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      // …then the writer stores the whole copy (Payload's upsert wants the row for itself) and commits.
      await payload.update({ collection: 'copies', id: copy.id, data: { anomalies: ['page 3 blank'] } as never, req: writer, depth: 0, overrideAccess: true })
      await commitTransaction(writer)
      expect(await settled).toBe('saved')
    } catch (error) {
      await killTransaction(writer)
      throw error
    }
    const stored = (await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true })) as any
    expect([stored.total ?? null, stored.anomalies, stored.status]).toEqual([total, ['page 3 blank'], 'marking'])
  }, 120_000)
})
