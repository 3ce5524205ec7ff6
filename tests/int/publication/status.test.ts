import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

let app: TestApp
let seed: Awaited<ReturnType<typeof seedClass>>
let admin: ApiClient
let alice: ApiClient

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
})

afterAll(async () => {
  await app?.close()
})

describe('GET /api/publication/exams/:id/status', () => {
  it('counts the copies, the finalized, the published and the notified ones, and tells the exam’s dates', async () => {
    const payload = app.runtime.payload
    const stamp = '2026-05-04T10:00:00.000Z'
    const copy = (data: Record<string, unknown>) =>
      payload.create({ collection: 'copies', data: { exam: seed.maths.id, student: seed.student.id, pages: [{ sourcePage: 1 }], ...data } as never, overrideAccess: true })
    // maths already holds one ready and one staging copy; add: finalized + published + notified, finalized + published, finalized
    await copy({ status: 'finalized', publishedAt: stamp, notifiedAt: stamp })
    await copy({ status: 'finalized', publishedAt: stamp })
    await copy({ status: 'finalized' })
    const before = await admin.request('GET', `/api/publication/exams/${seed.maths.id}/status`)
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({
      exam: seed.maths.id,
      title: 'Maths — contrôle 1',
      copies: { total: 5, finalized: 3, published: 2, notified: 1 },
      publishedAt: null,
      publishAt: null,
      mailConfigured: false,
    })

    const at = '2030-06-15T07:30:00.000Z'
    await payload.update({ collection: 'exams', id: seed.maths.id, data: { publishAt: at } as never, overrideAccess: true })
    const scheduled = await admin.request('GET', `/api/publication/exams/${seed.maths.id}/status`)
    expect(new Date(scheduled.body.publishAt).toISOString()).toBe(at)

    // another exam's copies are not counted
    const history = await admin.request('GET', `/api/publication/exams/${seed.history.id}/status`)
    expect(history.body.copies).toEqual({ total: 1, finalized: 0, published: 0, notified: 0 })
  })

  it('refuses teachers, even the exam’s corrector, and anonymous callers', async () => {
    const asAlice = await alice.request('GET', `/api/publication/exams/${seed.maths.id}/status`)
    expect(asAlice.status).toBe(403)
    expect(asAlice.body.errors[0].message).toMatch(/admins/)
    expect((await fetch(`${app.baseUrl}/api/publication/exams/${seed.maths.id}/status`)).status).toBe(401)
  })

  it('answers 404 for an exam that does not exist', async () => {
    const response = await admin.request('GET', '/api/publication/exams/999999/status')
    expect(response.status).toBe(404)
    expect(response.body.errors[0].message).toContain('999999')
  })
})
