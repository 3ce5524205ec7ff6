import { watchPayload } from '../helpers/payload-calls'
import { useSeededApp } from '../helpers/seededApp'

// Issue 14, point 11: the server, not the portal, moves a copy to "marking" on its first grade or annotation.
const ctx = useSeededApp()

const statusOf = async (id: number | string) => (await ctx.admin.request('GET', `/api/copies/${id}?depth=0`)).body.status

describe('a copy starts being marked when the first mark is written', () => {
  it('moves a ready copy to marking on its first grade, through the API alone', async () => {
    const copy = ctx.seed.mathsReady.id
    expect(await statusOf(copy)).toBe('ready')
    expect((await ctx.alice.request('POST', '/api/grades', { copy, questionKey: 'Q1', points: 2 })).status).toBe(201)
    expect(await statusOf(copy)).toBe('marking')
  })

  it('moves a ready copy to marking on its first annotation, and leaves other copies as they are', async () => {
    const { payload } = ctx.app.runtime
    const make = (status: string) =>
      payload.create({ collection: 'copies', data: { exam: ctx.seed.maths.id, status, student: ctx.seed.student.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never, overrideAccess: true })
    const ready = await make('ready')
    const other = await make('ready')
    const tick = { page: 1, kind: 'tick', geometry: { x: 50, y: 50, size: 20 }, style: { color: '#d32f2f', width: 2, opacity: 1 }, schemaVersion: 2 }
    expect((await ctx.alice.request('POST', '/api/annotations', { copy: ready.id, ...tick })).status).toBe(201)
    expect(await statusOf(ready.id)).toBe('marking')
    expect(await statusOf(other.id)).toBe('ready')
    // a later mark on a copy already being marked changes nothing
    expect((await ctx.alice.request('POST', '/api/annotations', { copy: ready.id, ...tick, geometry: { x: 80, y: 80, size: 20 } })).status).toBe(201)
    expect(await statusOf(ready.id)).toBe('marking')
  })

  it('answers every save of a class marked at once (no save waits for a second database connection)', async () => {
    const { payload } = ctx.app.runtime
    // More saves at once than the pool has connections (KORRIGO_DB_POOL, 10): each one used to hold one in its
    // transaction and wait for another (Payload's document-lock check), and the API hung for good.
    const copies = await Promise.all(
      Array.from({ length: 24 }, () => payload.create({ collection: 'copies', data: { exam: ctx.seed.maths.id, status: 'ready', pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never, overrideAccess: true })),
    )
    const grades = await Promise.all(copies.map((copy) => ctx.alice.request('POST', '/api/grades?depth=0', { copy: copy.id, questionKey: 'Q1', points: 1 })))
    expect(grades.map((g) => g.status)).toEqual(copies.map(() => 201))
    // As the portal sends them: REST PATCH with the version it holds, nothing else.
    const saves = await Promise.all(grades.map((g) => ctx.alice.request('PATCH', `/api/grades/${g.body.doc.id}?depth=0`, { points: 2, version: 1 })))
    expect(saves.map((s) => s.status)).toEqual(copies.map(() => 200))
    const finalized = await Promise.all(copies.map((copy) => ctx.alice.request('PATCH', `/api/copies/${copy.id}?depth=0`, { status: 'finalized' })))
    expect(finalized.map((s) => s.status)).toEqual(copies.map(() => 200))
    expect((await ctx.admin.request('GET', `/api/copies/${copies[0]!.id}?depth=0`)).body).toMatchObject({ status: 'finalized', total: 2 })
  }, 120_000)

  it('reads the teacher’s exams and the copy once per save, for every check that needs them', async () => {
    // Issue 16: a save's time is Payload building queries. Access to each collection the save touches and the
    // teacher's share of a distributed exam each read "the exams I correct" (two queries of the same rows), and
    // the audit read the copy again after the save's own checks had.
    const copy = ctx.seed.mathsReady.id
    const tick = { page: 1, kind: 'tick', geometry: { x: 40, y: 40, size: 20 }, style: { color: '#d32f2f', width: 2, opacity: 1 }, schemaVersion: 2 }
    // the copy's first mark moves it to "marking" (one more read of the copy): not the everyday save measured here
    expect((await ctx.alice.request('POST', '/api/annotations?depth=0', { copy, ...tick })).status).toBe(201)
    const grade = await ctx.alice.request('POST', '/api/grades?depth=0', { copy, questionKey: 'Q2', points: 1 })
    expect(grade.status).toBe(201)
    const asked: string[] = []
    const { payload } = ctx.app.runtime
    const stops = [
      watchPayload({ payload, method: 'find', seen: (args) => asked.push(`find ${String(args.collection)}`) }),
      watchPayload({ payload, method: 'findByID', seen: (args) => asked.push(`findByID ${String(args.collection)}`) }),
    ]
    try {
      expect((await ctx.alice.request('POST', '/api/annotations?depth=0', { copy, ...tick, geometry: { x: 60, y: 40, size: 20 } })).status).toBe(201)
      expect(asked.filter((c) => c === 'find exams')).toHaveLength(1)
      expect(asked.filter((c) => c === 'findByID copies')).toHaveLength(1)
      asked.length = 0
      expect((await ctx.alice.request('PATCH', `/api/grades/${grade.body.doc.id}?depth=0`, { points: 2, version: 1 })).status).toBe(200)
      expect(asked.filter((c) => c === 'find exams')).toHaveLength(1)
      // the save's checks, and the copy's total, read fresh (a decision in the request may change what counts)
      expect(asked.filter((c) => c === 'findByID copies')).toHaveLength(2)
    } finally {
      for (const stop of stops) stop()
    }
  })

  it('lets exactly one of several tabs moving the same annotation version at the same moment win', async () => {
    const copy = ctx.seed.mathsReady.id
    const tick = { page: 1, kind: 'tick', geometry: { x: 50, y: 50, size: 20 }, style: { color: '#d32f2f', width: 2, opacity: 1 }, schemaVersion: 2 }
    const created = await ctx.alice.request('POST', '/api/annotations?depth=0', { copy, ...tick })
    const id = created.body.doc.id
    const moves = await Promise.all([60, 70, 80, 90, 100].map((x) => ctx.alice.request('PATCH', `/api/annotations/${id}?depth=0`, { geometry: { x, y: 50, size: 20 }, version: 1 })))
    expect(moves.map((m) => m.status).sort()).toEqual([200, 409, 409, 409, 409])
    const won = moves.find((m) => m.status === 200)!.body.doc
    expect((await ctx.alice.request('GET', `/api/annotations/${id}?depth=0`)).body).toMatchObject({ version: 2, geometry: won.geometry })
  })
})

describe('what the server stores is what the portal and the renderer can read (issue 14, point 5)', () => {
  it('refuses an annotation the shared model rejects, naming each wrong field, and keeps nothing', async () => {
    const copy = ctx.seed.mathsReady.id
    const before = (await ctx.admin.request('GET', `/api/annotations?where[copy][equals]=${copy}&limit=0`)).body.totalDocs
    const bad = await ctx.alice.request('POST', '/api/annotations', { copy, page: 1, kind: 'rectangle', geometry: { x: 10, y: 'top', width: -4, height: 20 }, style: { color: 'javascript:alert(1)' }, schemaVersion: 2 })
    expect(bad.status).toBe(400)
    const message = JSON.stringify(bad.body)
    expect(message).toContain('geometry.y')
    expect(message).toContain('geometry.width')
    expect(message).toContain('style.color')
    expect((await ctx.alice.request('POST', '/api/annotations', { copy, page: 1, kind: 'pen', geometry: { points: [1, 2, 3] }, schemaVersion: 2 })).status).toBe(400)
    expect((await ctx.admin.request('GET', `/api/annotations?where[copy][equals]=${copy}&limit=0`)).body.totalDocs).toBe(before)
    // and an edit that breaks a stored annotation is refused too
    const ok = await ctx.alice.request('POST', '/api/annotations', { copy, page: 1, kind: 'tick', geometry: { x: 5, y: 5, size: 20 }, schemaVersion: 2 })
    expect(ok.status).toBe(201)
    expect((await ctx.alice.request('PATCH', `/api/annotations/${ok.body.doc.id}`, { geometry: { x: Number.MAX_VALUE, y: 5 }, version: 1 })).status).toBe(400)
  })
})
