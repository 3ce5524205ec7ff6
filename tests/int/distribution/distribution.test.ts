import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { password, seedExam, TEACHERS } from './seed'

let app: TestApp
let admin: ApiClient
const teacher: Record<string, ApiClient> = {}

beforeAll(async () => {
  app = await startTestApp()
  await seedExam({ payload: app.runtime.payload, copies: 0, title: 'users only' })
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  for (const name of TEACHERS) teacher[name] = await signIn({ baseUrl: app.baseUrl, email: `${name}@school.test`, password: password(name) })
}, 300_000)

afterAll(async () => {
  await app?.close()
})

const ids = (body: any) => (body.docs as any[]).map((d) => d.id).sort((a, b) => String(a).localeCompare(String(b)))
const copiesSeenBy = async (name: string, exam: unknown) => ids((await teacher[name]!.request('GET', `/api/copies?where[exam][equals]=${exam}&limit=100&depth=0`)).body)
const grade = (name: string, copy: unknown, questionKey: string, points: number) => teacher[name]!.request('POST', '/api/grades?depth=0', { copy, questionKey, points })
const finalize = (name: string, copy: unknown) => teacher[name]!.request('PATCH', `/api/copies/${copy}?depth=0`, { status: 'finalized' })
const stored = (copy: unknown) => app.runtime.payload.findByID({ collection: 'copies', id: copy as string, depth: 0, overrideAccess: true })
const rowsOf = async (exam: unknown) =>
  (await app.runtime.payload.find({ collection: 'assignments', where: { and: [{ exam: { equals: exam } }, { state: { equals: 'active' } }] }, limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs as any[]

describe('distribution by copy', () => {
  it('shares the copies out (balanced, reproducible, quotas); each teacher reads and writes only theirs; a dropout keeps what was marked', async () => {
    const { exam, copies, users } = await seedExam({ payload: app.runtime.payload, copies: 9 })
    const put = await admin.request('PUT', `/api/distribution/exams/${exam.id}`, { mode: 'copies', seed: 'abc', correctors: TEACHERS.map((t) => ({ id: users[t].id })) })
    expect(put.status).toBe(200)
    expect(put.body.result).toMatchObject({ created: 9, released: 0 })
    const seen = { alice: await copiesSeenBy('alice', exam.id), bob: await copiesSeenBy('bob', exam.id), carol: await copiesSeenBy('carol', exam.id) }
    expect([seen.alice.length, seen.bob.length, seen.carol.length]).toEqual([3, 3, 3])
    expect(new Set([...seen.alice, ...seen.bob, ...seen.carol]).size).toBe(9)
    // Reproducible: applying the same settings again moves nothing.
    expect((await admin.request('POST', `/api/distribution/exams/${exam.id}/apply`, {})).body.result).toMatchObject({ created: 0, released: 0 })

    const aliceCopy = seen.alice[0]!, bobCopy = seen.bob[0]!
    const first = await grade('alice', aliceCopy, 'Q1', 3)
    expect({ status: first.status, body: first.status === 201 ? null : first.body }).toEqual({ status: 201, body: null })
    const refused = await grade('alice', bobCopy, 'Q1', 3)
    expect(refused.status).toBe(403)
    expect((await teacher.alice!.request('GET', `/api/copies/${bobCopy}`)).status).toBe(404)
    expect((await teacher.alice!.request('GET', `/api/grades?where[copy][equals]=${bobCopy}`)).body.docs).toHaveLength(0)

    // Carol marks one copy to the end, starts another, then drops out.
    const [carolDone, carolStarted] = seen.carol
    for (const q of ['Q1', 'Q2', 'Q3']) expect((await grade('carol', carolDone, q, 2)).status).toBe(201)
    expect((await finalize('carol', carolDone)).status).toBe(200)
    expect((await stored(carolDone)).status).toBe('finalized')
    expect((await stored(carolDone)).total).toBe(6)
    expect((await grade('carol', carolStarted, 'Q1', 1.5)).status).toBe(201)
    const drop = await admin.request('PUT', `/api/distribution/exams/${exam.id}`, { mode: 'copies', seed: 'abc', correctors: [{ id: users.alice.id }, { id: users.bob.id }, { id: users.carol.id, active: false }] })
    expect(drop.status).toBe(200)
    const after = { alice: await copiesSeenBy('alice', exam.id), bob: await copiesSeenBy('bob', exam.id) }
    // Nothing moved away from Alice or Bob; Carol's two unfinished copies went to them; her finished one stays hers.
    expect(seen.alice.every((c) => after.alice.includes(c)) && seen.bob.every((c) => after.bob.includes(c))).toBe(true)
    expect(after.alice.length + after.bob.length).toBe(8)
    expect([...after.alice, ...after.bob]).not.toContain(carolDone)
    const heir = after.alice.includes(carolStarted!) ? 'alice' : 'bob'
    // The one who takes over finds Carol's mark and goes on from it.
    const marks = (await teacher[heir]!.request('GET', `/api/grades?where[copy][equals]=${carolStarted}`)).body.docs
    expect(marks.map((g: any) => [g.questionKey, g.points])).toEqual([['Q1', 1.5]])
    expect((await stored(carolDone)).total).toBe(6)

    // Quotas: Alice takes 2 copies, Bob the rest.
    const { exam: exam2, users: u2 } = await seedExam({ payload: app.runtime.payload, copies: 8, title: 'quotas' })
    await admin.request('PUT', `/api/distribution/exams/${exam2.id}`, { mode: 'copies', correctors: [{ id: u2.alice.id, quota: 2 }, { id: u2.bob.id }] })
    expect((await copiesSeenBy('alice', exam2.id)).length).toBe(2)
    expect((await copiesSeenBy('bob', exam2.id)).length).toBe(6)
    expect((await copiesSeenBy('carol', exam2.id)).length).toBe(0)
    void copies
  })
})

describe('distribution by question', () => {
  it('each corrector marks their questions on every copy; the copy is finalized when every part is', async () => {
    const { exam, users, copies } = await seedExam({ payload: app.runtime.payload, copies: 4, title: 'by question' })
    const put = await admin.request('PUT', `/api/distribution/exams/${exam.id}`, { mode: 'questions', correctors: [{ id: users.alice.id, questions: ['Q1', 'Q2'] }, { id: users.bob.id, questions: ['Q3'] }, { id: users.carol.id, questions: [] }] })
    expect(put.status).toBe(200)
    expect(await copiesSeenBy('alice', exam.id)).toHaveLength(4)
    expect(await copiesSeenBy('bob', exam.id)).toHaveLength(4)
    expect(await copiesSeenBy('carol', exam.id)).toHaveLength(0)
    const copy = copies[0]!.id
    expect((await grade('alice', copy, 'Q1', 3)).status).toBe(201)
    expect((await grade('alice', copy, 'Q2', 4)).status).toBe(201)
    const wrong = await grade('alice', copy, 'Q3', 4)
    expect(wrong.status).toBe(403)
    expect(wrong.body.errors[0].message).toMatch(/Q3 .* another corrector \(yours: Q1, Q2\)/)
    expect((await grade('bob', copy, 'Q3', 9)).status).toBe(201)
    // Each reads only their questions' marks, and their own part of the total.
    expect((await teacher.alice!.request('GET', `/api/grades?where[copy][equals]=${copy}`)).body.docs.map((g: any) => g.questionKey).sort()).toEqual(['Q1', 'Q2'])
    expect((await teacher.bob!.request('GET', `/api/grades?where[copy][equals]=${copy}`)).body.docs.map((g: any) => g.questionKey)).toEqual(['Q3'])
    expect((await teacher.alice!.request('GET', `/api/copies/${copy}`)).body.total).toBe(7)
    expect((await teacher.bob!.request('GET', `/api/copies/${copy}`)).body.total).toBe(9)
    const mine = (await teacher.bob!.request('GET', `/api/distribution/exams/${exam.id}/mine`)).body
    expect(mine.questionKeys).toEqual(['Q3'])
    expect(mine.copies.map((c: any) => c.graded)).toEqual([['Q3'], [], [], []])

    expect((await finalize('alice', copy)).status).toBe(200)
    // Her part is done: she reads the copy as finalized; it is not, until Bob's part is.
    expect((await teacher.alice!.request('GET', `/api/copies/${copy}`)).body.status).toBe('finalized')
    expect((await teacher.bob!.request('GET', `/api/copies/${copy}`)).body.status).toBe('marking')
    expect((await stored(copy)).status).toBe('marking')
    expect((await grade('alice', copy, 'Q1', 4)).status).toBe(409)
    expect((await finalize('bob', copy)).status).toBe(200)
    const done = await stored(copy)
    expect(done.status).toBe('finalized')
    expect(done.total).toBe(16)
    const progress = (await admin.request('GET', `/api/distribution/exams/${exam.id}`)).body
    expect(progress.questions.map((q: any) => [q.key, q.graded, q.expected])).toEqual([['Q1', 1, 4], ['Q2', 1, 4], ['Q3', 1, 4]])
    expect(progress.correctors.find((c: any) => c.id === users.alice.id)).toMatchObject({ copies: 4, graded: 2, expected: 8, done: 1 })
  })
})

describe('double-blind marking', () => {
  it('two correctors per copy who never see each other; a disagreement is flagged and the admin decides; both markings kept', async () => {
    const { exam, users, copies } = await seedExam({ payload: app.runtime.payload, copies: 3, title: 'double blind' })
    const put = await admin.request('PUT', `/api/distribution/exams/${exam.id}`, { mode: 'copies', doubleBlind: true, thresholdTotal: 2, arbitration: 'admin', correctors: [{ id: users.alice.id }, { id: users.bob.id }] })
    expect(put.status).toBe(200)
    expect(await copiesSeenBy('alice', exam.id)).toHaveLength(3)
    expect(await copiesSeenBy('bob', exam.id)).toHaveLength(3)
    const [agree, disagree] = copies.map((c) => c.id)
    for (const [name, points] of [['alice', [4, 6, 8]], ['bob', [4, 5, 8]]] as const) {
      for (const [i, q] of ['Q1', 'Q2', 'Q3'].entries()) expect((await grade(name, agree, q, points[i]!)).status).toBe(201)
      expect((await finalize(name, agree)).status).toBe(200)
    }
    const agreed = await stored(agree)
    // Close enough: the first marking is the one published (whoever holds it), the other is kept.
    const firstIsAlice = (await app.runtime.payload.find({ collection: 'assignments', where: { and: [{ copy: { equals: agree } }, { corrector: { equals: users.alice.id } }] }, overrideAccess: true })).docs[0]!.marking === 1
    expect([agreed.status, agreed.total, (agreed as any).markingReview.state]).toEqual(['finalized', firstIsAlice ? 18 : 17, 'agreed'])

    for (const q of ['Q1', 'Q2', 'Q3']) await grade('alice', disagree, q, q === 'Q3' ? 9 : 3)
    await teacher.alice!.request('POST', '/api/annotations', { copy: disagree, page: 1, kind: 'tick', geometry: { x: 10, y: 10 } })
    // Bob sees none of Alice's marks, annotations or total on the same copy.
    expect((await teacher.bob!.request('GET', `/api/grades?where[copy][equals]=${disagree}`)).body.docs).toHaveLength(0)
    expect((await teacher.bob!.request('GET', `/api/annotations?where[copy][equals]=${disagree}`)).body.docs).toHaveLength(0)
    expect((await teacher.bob!.request('GET', `/api/copies/${disagree}`)).body.total).toBeNull()
    expect(JSON.stringify((await teacher.bob!.request('GET', `/api/correction/copies/${disagree}/markers`)).body)).not.toContain('Alice')
    const gql = await teacher.bob!.request('POST', '/api/graphql', { query: `{ Grades(where: { copy: { equals: ${disagree} } }) { docs { points marking } } }` })
    expect(gql.body.data.Grades.docs).toEqual([])
    for (const q of ['Q1', 'Q2', 'Q3']) await grade('bob', disagree, q, q === 'Q3' ? 2 : 3)
    await finalize('alice', disagree)
    await finalize('bob', disagree)
    const flagged = await stored(disagree)
    expect([flagged.status, flagged.total, (flagged as any).markingReview.state]).toEqual(['marking', null, 'flagged'])
    expect((flagged as any).markingReview.detail.totals).toEqual({ '1': 15, '2': 8 })
    const progress = (await admin.request('GET', `/api/distribution/exams/${exam.id}`)).body
    expect(progress.review.find((r: any) => String(r.id) === String(disagree)).state).toBe('flagged')

    const bobsMarking = (await app.runtime.payload.find({ collection: 'assignments', where: { and: [{ copy: { equals: disagree } }, { corrector: { equals: users.bob.id } }] }, overrideAccess: true })).docs[0] as any
    expect((await admin.request('POST', `/api/distribution/copies/${disagree}/decide`, { marking: bobsMarking.marking })).status).toBe(200)
    const decided = await stored(disagree)
    expect([decided.status, decided.total, decided.decidedMarking]).toEqual(['finalized', 8, bobsMarking.marking])
    const all = await app.runtime.payload.find({ collection: 'grades', where: { copy: { equals: disagree } }, overrideAccess: true, limit: 0 })
    expect(all.docs).toHaveLength(6)
  }, 300_000)

  it('a third corrector settles a disagreement when the settings say so, reading both markings', async () => {
    const { exam, users, copies } = await seedExam({ payload: app.runtime.payload, copies: 2, title: 'third' })
    await admin.request('PUT', `/api/distribution/exams/${exam.id}`, { mode: 'copies', doubleBlind: true, thresholdTotal: 1, arbitration: 'third', correctors: [{ id: users.alice.id, quota: 2 }, { id: users.bob.id, quota: 2 }, { id: users.carol.id, quota: 0 }] })
    const copy = copies[0]!.id
    for (const [name, points] of [['alice', 10], ['bob', 2]] as const) {
      await grade(name, copy, 'Q3', points)
      await grade(name, copy, 'Q1', 0)
      await grade(name, copy, 'Q2', 0)
      await finalize(name, copy)
    }
    expect((await stored(copy) as any).markingReview.state).toBe('arbitration')
    expect(await copiesSeenBy('carol', exam.id)).toEqual([copy])
    expect((await teacher.carol!.request('GET', `/api/grades?where[copy][equals]=${copy}`)).body.docs).toHaveLength(6)
    for (const q of ['Q1', 'Q2', 'Q3']) expect((await grade('carol', copy, q, q === 'Q3' ? 6 : 0)).status).toBe(201)
    await finalize('carol', copy)
    const settled = await stored(copy)
    expect([settled.status, settled.total, settled.decidedMarking]).toEqual(['finalized', 6, 3])
    void rowsOf
  })
})
