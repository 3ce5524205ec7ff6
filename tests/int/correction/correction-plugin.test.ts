import { startTestApp, type TestApp } from '../helpers/app'
import { apiClient, signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

let app: TestApp
let seed: Awaited<ReturnType<typeof seedClass>>
let admin: ApiClient
let alice: ApiClient
let bob: ApiClient

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  bob = await signIn({ baseUrl: app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
})

afterAll(async () => {
  await app?.close()
})

const ids = (body: any) => body.docs.map((d: any) => String(d.id)).sort()

describe('comment bank', () => {
  it('keeps a teacher’s comments to themselves and the co-correctors of the exam', async () => {
    const personal = await alice.request('POST', '/api/comment-bank', { text: 'Unité manquante', points: 0.5 })
    expect(personal.status).toBe(201)
    expect(String(personal.body.doc.owner?.id ?? personal.body.doc.owner)).toBe(String(seed.alice.id))
    const shared = await alice.request('POST', '/api/comment-bank', { text: 'Bien vu', exam: seed.maths.id })
    expect(shared.status).toBe(201)
    expect(ids((await alice.request('GET', '/api/comment-bank')).body)).toEqual(
      [String(personal.body.doc.id), String(shared.body.doc.id)].sort(),
    )
    expect(ids((await bob.request('GET', '/api/comment-bank')).body)).toEqual([])
    expect([403, 404]).toContain((await bob.request('PATCH', `/api/comment-bank/${personal.body.doc.id}`, { text: 'hacked' })).status)
    expect([403, 404]).toContain((await bob.request('DELETE', `/api/comment-bank/${shared.body.doc.id}`)).status)
    const stored = await app.runtime.payload.findByID({ collection: 'comment-bank' as never, id: personal.body.doc.id, depth: 0 })
    expect((stored as { text: string }).text).toBe('Unité manquante')
    expect(ids((await admin.request('GET', '/api/comment-bank')).body)).toHaveLength(2)
  })

  it('refuses to attach a comment to an exam the teacher does not mark', async () => {
    expect((await alice.request('POST', '/api/comment-bank', { text: 'x', exam: seed.history.id })).status).toBe(403)
  })

  it('does not let a teacher give their comment to someone else', async () => {
    const created = await bob.request('POST', '/api/comment-bank', { text: 'Mine', owner: seed.alice.id })
    expect(String(created.body.doc.owner?.id ?? created.body.doc.owner)).toBe(String(seed.bob.id))
  })

  it('is closed to anonymous visitors', async () => {
    expect([401, 403]).toContain((await apiClient({ baseUrl: app.baseUrl }).request('GET', '/api/comment-bank')).status)
  })
})

describe('who marked what', () => {
  it('names the correctors of a copy for its correctors only', async () => {
    const copy = seed.mathsReady.id
    expect((await alice.request('POST', '/api/grades', { copy, questionKey: 'Q1', points: 2 })).status).toBe(201)
    expect((await admin.request('POST', '/api/grades', { copy, questionKey: 'Q2', points: 1 })).status).toBe(201)
    await alice.request('POST', '/api/annotations', { copy, page: 1, kind: 'tick', geometry: { x: 1, y: 1 } })
    const markers = await alice.request('GET', `/api/correction/copies/${copy}/markers`)
    expect(markers.status).toBe(200)
    const byQuestion = Object.fromEntries(markers.body.grades.map((g: any) => [g.questionKey, g.corrector?.name]))
    expect(byQuestion).toEqual({ Q1: 'Alice', Q2: 'Admin' })
    expect(markers.body.annotations).toEqual([{ author: { id: seed.alice.id, name: 'Alice' }, count: 1 }])
    expect(JSON.stringify(markers.body)).not.toContain('@school.test')
    expect((await bob.request('GET', `/api/correction/copies/${copy}/markers`)).status).toBe(404)
    expect((await alice.request('GET', `/api/correction/copies/${seed.mathsStaging.id}/markers`)).status).toBe(404)
    expect((await apiClient({ baseUrl: app.baseUrl }).request('GET', `/api/correction/copies/${copy}/markers`)).status).toBe(401)
    expect((await admin.request('GET', `/api/correction/copies/${seed.historyReady.id}/markers`)).status).toBe(200)
  })
})
