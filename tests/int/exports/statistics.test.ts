import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

let app: TestApp
let seed: Awaited<ReturnType<typeof seedClass>>
let admin: ApiClient
let alice: ApiClient
let bob: ApiClient
let carol: ApiClient
let examId: number | string

type Marks = { by: () => ApiClient; q1: number; q2: number; finalize: boolean }

/**
 * An exam marked by two teachers: Alice marks hard (copies 1–2), Bob generously (copies 3–4), on the
 * same questions; copy 5 is still being marked and counts nowhere. Carol teaches another class.
 */
beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  const payload = app.runtime.payload
  await payload.create({ collection: 'users', data: { email: 'carol@school.test', password: 'carol-password-1', role: 'teacher', name: 'Carol' } })
  const login = (who: string) => signIn({ baseUrl: app.baseUrl, email: `${who}@school.test`, password: `${who}-password-1` })
  ;[admin, alice, bob, carol] = await Promise.all([login('admin'), login('alice'), login('bob'), login('carol')])
  const exam = await payload.create({
    collection: 'exams',
    data: {
      title: 'Sciences — bilan',
      gradingScale: [
        { key: 'Q1', label: 'Exercice 1', maxPoints: 4, step: 0.5 },
        { key: 'Q2', label: 'Exercice 2', maxPoints: 6, step: 1 },
      ],
      correctors: [seed.alice.id, seed.bob.id],
      status: 'marking',
    },
  })
  examId = exam.id
  const marks: Marks[] = [
    { by: () => alice, q1: 1, q2: 2, finalize: true },
    { by: () => alice, q1: 1.5, q2: 3, finalize: true },
    { by: () => bob, q1: 3.5, q2: 5, finalize: true },
    { by: () => bob, q1: 4, q2: 6, finalize: true },
    { by: () => bob, q1: 0, q2: 0, finalize: false },
  ]
  for (const m of marks) {
    const copy = await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'ready', pages: [{ sourcePage: 1 }] } as never })
    const client = m.by()
    expect((await client.request('POST', '/api/grades', { copy: copy.id, questionKey: 'Q1', points: m.q1 })).status).toBe(201)
    expect((await client.request('POST', '/api/grades', { copy: copy.id, questionKey: 'Q2', points: m.q2 })).status).toBe(201)
    if (m.finalize) expect((await client.request('PATCH', `/api/copies/${copy.id}`, { status: 'finalized' })).status).toBe(200)
  }
})

afterAll(async () => {
  await app?.close()
})

const statistics = (client: ApiClient, id: number | string = examId) => client.request('GET', `/api/exports/exams/${id}/statistics`)

describe('exam statistics over HTTP', () => {
  it('gives per-question spread and distribution over the finalized copies', async () => {
    const { status, body } = await statistics(admin)
    expect(status).toBe(200)
    expect(body).toMatchObject({ copies: 5, finalized: 4 })
    // totals 3, 4.5, 8.5, 10 out of 10 → 6, 9, 17, 20 out of 20
    expect(body.outOf20).toMatchObject({ count: 4, mean: 13, median: 13, min: 6, max: 20 })
    expect(body.histogram.map((b: { count: number }) => b.count)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 1, 1])
    const [q1, q2] = body.questions
    expect(q1).toMatchObject({ key: 'Q1', label: 'Exercice 1', graded: 4, mean: 2.5, median: 2.5, min: 1, max: 4, stdDev: 1.27 })
    expect(q1.histogram.map((b: { from: number; count: number }) => [b.from, b.count]).filter(([, n]: number[]) => n)).toEqual([
      [1, 1],
      [1.5, 1],
      [3.5, 1],
      [4, 1],
    ])
    expect(q2.histogram).toHaveLength(7)
  })

  it('names every corrector for admins and shows who marks harder', async () => {
    const { body } = await statistics(admin)
    expect(body.unattributed).toBe(0)
    expect(body.correctors.map((c: { name: string }) => c.name)).toEqual(['Alice', 'Bob'])
    const [a, b] = body.correctors
    expect(a).toMatchObject({ id: String(seed.alice.id), grades: 4, copies: 2, tendency: 'severe', isViewer: false })
    expect(b).toMatchObject({ id: String(seed.bob.id), grades: 4, copies: 2, tendency: 'lenient' })
    expect(a.deviation).toBeLessThan(-0.5)
    expect(a.othersRate).toBeGreaterThan(a.meanRate)
  })

  it('shows a corrector their own name only, and nothing to a teacher of another exam', async () => {
    const seenByAlice = await statistics(alice)
    expect(seenByAlice.status).toBe(200)
    expect(seenByAlice.body.correctors.map((c: { number: number; name: string | null; isViewer: boolean; id?: string }) => [c.number, c.name, c.isViewer, c.id])).toEqual([
      [1, 'Alice', true, String(seed.alice.id)],
      [2, null, false, undefined],
    ])
    expect(JSON.stringify(seenByAlice.body)).not.toContain('Bob')
    const seenByBob = await statistics(bob)
    expect(seenByBob.body.correctors[0]).toMatchObject({ name: 'Bob', isViewer: true, tendency: 'lenient' })
    expect(JSON.stringify(seenByBob.body)).not.toContain('Alice')
    expect((await statistics(carol)).status).toBe(404)
    expect((await statistics(admin, 999999)).status).toBe(404)
  })
})
