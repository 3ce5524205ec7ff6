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
