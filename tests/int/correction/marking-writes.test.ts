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
