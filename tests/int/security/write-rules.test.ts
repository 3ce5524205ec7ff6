import { idOf } from '../../../collections/relations'
import { startTestApp, type TestApp } from '../helpers/app'
import { graphql, seedSecurity, type Id, type SecuritySeed } from './seed'

/**
 * Issue 13, points 1–3: what a teacher may write. Closed copies (locked, finalized, published) keep their
 * grades and annotations whatever the route (REST single and bulk, GraphQL, duplicate); server-owned fields
 * are never taken from a teacher (the rule: a field the role may not write is ignored, as Payload's field
 * access does; a value it may not give a field it owns — a status transition — is a 403); a teacher with
 * no exam yet gets empty lists, never a 500.
 */
let app: TestApp
let seed: SecuritySeed

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  seed = await seedSecurity({ payload: app.runtime.payload, baseUrl: app.baseUrl })
}, 240_000)

afterAll(async () => {
  await app?.close()
})

const payload = () => app.runtime.payload
const exists = async (collection: 'grades' | 'annotations', id: Id) =>
  Boolean(await payload().findByID({ collection, id, depth: 0, overrideAccess: true }).catch(() => undefined))
const copyRow = (id: Id) => payload().findByID({ collection: 'copies', id, depth: 0, overrideAccess: true, showHiddenFields: true })
const gql = (who: keyof SecuritySeed['clients'], query: string, variables?: Record<string, unknown>) =>
  graphql({ baseUrl: app.baseUrl, client: seed.clients[who], query, variables })

const CLOSED = ['locked', 'finalized', 'published'] as const

describe('point 1: grades and annotations of closed copies cannot be deleted by a teacher', () => {
  it.each(CLOSED)('REST DELETE of a grade and an annotation of a %s copy answers 409 and deletes nothing', async (state) => {
    const { grade, annotation } = seed.of[state]
    const totalBefore = (await copyRow(idOf(grade.copy)!)).total
    const g = await seed.clients.alice.request('DELETE', `/api/grades/${grade.id}`)
    expect(g.status).toBe(409)
    expect(g.body.errors[0].message).toMatch(/can no longer be edited/)
    const a = await seed.clients.alice.request('DELETE', `/api/annotations/${annotation.id}`)
    expect(a.status).toBe(409)
    expect(await exists('grades', grade.id)).toBe(true)
    expect(await exists('annotations', annotation.id)).toBe(true)
    expect((await copyRow(idOf(grade.copy)!)).total).toBe(totalBefore)
  })

  it('bulk DELETE over closed copies deletes nothing of them', async () => {
    const copies = CLOSED.map((s) => idOf(seed.of[s].grade.copy)!)
    const where = copies.map((id, n) => `where[copy][in][${n}]=${id}`).join('&')
    const grades = await seed.clients.alice.request('DELETE', `/api/grades?${where}`)
    expect(grades.body.docs ?? []).toEqual([])
    expect(grades.body.errors?.length).toBe(3)
    const annotations = await seed.clients.alice.request('DELETE', `/api/annotations?${where}`)
    expect(annotations.body.docs ?? []).toEqual([])
    for (const state of CLOSED) {
      expect(await exists('grades', seed.of[state].grade.id)).toBe(true)
      expect(await exists('annotations', seed.of[state].annotation.id)).toBe(true)
    }
  })

  it('GraphQL deleteGrade / deleteAnnotation on a closed copy fail and delete nothing', async () => {
    for (const state of CLOSED) {
      const g = await gql('alice', 'mutation($id: Int!) { deleteGrade(id: $id) { id } }', { id: seed.of[state].grade.id })
      expect(g.errors?.[0].message).toMatch(/can no longer be edited/)
      const a = await gql('alice', 'mutation($id: Int!) { deleteAnnotation(id: $id) { id } }', { id: seed.of[state].annotation.id })
      expect(a.errors?.[0].message).toMatch(/can no longer be edited/)
      expect(await exists('grades', seed.of[state].grade.id)).toBe(true)
      expect(await exists('annotations', seed.of[state].annotation.id)).toBe(true)
    }
  })

  it('bulk PATCH and duplicate of closed copies’ grades change nothing', async () => {
    const id = seed.of.finalized.grade.id
    const bulk = await seed.clients.alice.request('PATCH', `/api/grades?where[id][equals]=${id}`, { points: 4 })
    expect(bulk.body.errors?.length).toBe(1)
    expect((await payload().findByID({ collection: 'grades', id, depth: 0 })).points).toBe(2)
    const duplicate = await gql('alice', 'mutation($id: Int!) { duplicateAnnotation(id: $id, data: { page: 1, kind: tick, geometry: {}, schemaVersion: 2 }) { id } }', { id: seed.of.published.annotation.id })
    expect(duplicate.errors?.[0].message).toMatch(/can no longer be edited/)
  })

  it('still lets the teacher delete on an open copy, and the admin on a closed one', async () => {
    const open = seed.of.marking
    expect((await seed.clients.alice.request('DELETE', `/api/annotations/${open.annotation.id}`)).status).toBe(200)
    expect((await seed.clients.alice.request('DELETE', `/api/grades/${open.grade.id}`)).status).toBe(200)
    expect((await copyRow(seed.mathsMarking.id)).total).toBe(0)
    const locked = seed.of.locked
    expect((await seed.clients.admin.request('DELETE', `/api/annotations/${locked.annotation.id}`)).status).toBe(200)
    expect(await exists('annotations', locked.annotation.id)).toBe(false)
  })
})

describe('point 2: server-owned fields are never taken from a teacher', () => {
  it('ignores exam, finalizedAt, total, identity and file fields on a copy, also once finalized and over GraphQL', async () => {
    for (const copy of [seed.mathsReady, seed.mathsFinalized, seed.mathsPublished]) {
      const before = await copyRow(copy.id)
      const forged = {
        exam: seed.history.id,
        finalizedAt: '2001-01-01T00:00:00.000Z',
        publishedAt: '2001-01-01T00:00:00.000Z',
        total: 99,
        anonymousId: 'K-FORGED',
        student: null,
        identification: { status: 'manual' },
        correctors: [seed.bob.id],
        pdf: seed.files.historyPdf.id,
        pages: [],
        anomalies: { forged: true },
      }
      const answer = await seed.clients.alice.request('PATCH', `/api/copies/${copy.id}`, forged)
      expect(answer.status).toBe(200)
      const after = await copyRow(copy.id)
      for (const field of ['exam', 'finalizedAt', 'publishedAt', 'total', 'anonymousId', 'student', 'correctors', 'pdf', 'anomalies'] as const)
        expect(JSON.stringify(after[field] ?? null)).toBe(JSON.stringify(before[field] ?? null))
      expect(after.pages?.length).toBe(before.pages?.length)
      expect(after.identification?.status).toBe(before.identification?.status)
      const overGraphql = await gql('alice', 'mutation($id: Int!, $exam: Int) { updateCopy(id: $id, data: { exam: $exam, finalizedAt: "2001-01-01" }) { id } }', {
        id: copy.id,
        exam: seed.history.id,
      })
      expect(overGraphql.errors).toBeUndefined()
      const again = await copyRow(copy.id)
      expect(String(again.exam)).toBe(String(before.exam))
      expect(again.finalizedAt ?? null).toBe(before.finalizedAt ?? null)
    }
  })

  it('stamps finalizedAt itself when a teacher finalizes a copy', async () => {
    const copy = await payload().create({
      collection: 'copies',
      data: { exam: seed.maths.id, status: 'ready', pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never,
    })
    const before = Date.now()
    expect((await seed.clients.alice.request('PATCH', `/api/copies/${copy.id}`, { status: 'finalized', finalizedAt: '2001-01-01T00:00:00.000Z' })).status).toBe(200)
    const stamped = new Date((await copyRow(copy.id)).finalizedAt!).getTime()
    expect(stamped).toBeGreaterThanOrEqual(before - 1000)
    expect(stamped).toBeLessThanOrEqual(Date.now() + 1000)
  })

  it('refuses a status transition the teacher may not make, with 403', async () => {
    const answer = await seed.clients.alice.request('PATCH', `/api/copies/${seed.mathsFinalized.id}`, { status: 'marking' })
    expect(answer.status).toBe(403)
    expect((await copyRow(seed.mathsFinalized.id)).status).toBe('finalized')
  })

  it('sets an annotation’s author and a grade’s corrector from the signed-in user, never from the body', async () => {
    const created = await seed.clients.alice.request('POST', '/api/annotations?depth=0', {
      copy: seed.mathsReady.id,
      page: 1,
      kind: 'cross',
      geometry: { x: 1, y: 1 },
      author: seed.bob.id,
      exam: seed.history.id,
    })
    expect(created.status).toBe(201)
    expect(String(created.body.doc.author)).toBe(String(seed.alice.id))
    expect(String(created.body.doc.exam)).toBe(String(seed.maths.id))
    const id = created.body.doc.id
    const patched = await seed.clients.alice.request('PATCH', `/api/annotations/${id}?depth=0`, { version: 1, author: seed.bob.id, copy: seed.mathsMarking.id })
    expect(patched.status).toBe(200)
    const stored = await payload().findByID({ collection: 'annotations', id, depth: 0 })
    expect(String(stored.author)).toBe(String(seed.alice.id))
    expect(String(stored.copy)).toBe(String(seed.mathsReady.id))
    const overGraphql = await gql('alice', 'mutation($id: Int!, $bob: Int) { updateAnnotation(id: $id, data: { author: $bob, version: 2 }) { id } }', { id, bob: seed.bob.id })
    expect(overGraphql.errors).toBeUndefined()
    expect(String((await payload().findByID({ collection: 'annotations', id, depth: 0 })).author)).toBe(String(seed.alice.id))

    const grade = await seed.clients.alice.request('POST', '/api/grades?depth=0', { copy: seed.mathsReady.id, questionKey: 'Q2', points: 1, corrector: seed.bob.id })
    expect(grade.status).toBe(201)
    expect(String(grade.body.doc.corrector)).toBe(String(seed.alice.id))
    const regraded = await seed.clients.alice.request('PATCH', `/api/grades/${grade.body.doc.id}?depth=0`, { corrector: seed.bob.id, points: 1.5 })
    expect(regraded.status).toBe(200)
    expect(String(regraded.body.doc.corrector)).toBe(String(seed.alice.id))
  })

  it('never moves a grade to another copy (the closed copy it leaves would change)', async () => {
    const { grade } = seed.of.finalized
    const moved = await seed.clients.alice.request('PATCH', `/api/grades/${grade.id}`, { copy: seed.mathsMarking.id, points: 2 })
    expect(moved.status).toBe(409)
    const open = await seed.clients.alice.request('POST', '/api/grades?depth=0', { copy: seed.mathsReady.id, questionKey: 'Q3', points: 5 })
    expect(open.status).toBe(201)
    const sideways = await seed.clients.alice.request('PATCH', `/api/grades/${open.body.doc.id}?depth=0`, { copy: seed.mathsMarking.id })
    expect(String((await payload().findByID({ collection: 'grades', id: open.body.doc.id, depth: 0 })).copy)).toBe(String(seed.mathsReady.id))
    expect(sideways.status).toBe(200)
  })

  it('keeps a scan batch’s status, progress and problems for the pipeline', async () => {
    const form = new FormData()
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'scan.pdf')
    form.append('_payload', JSON.stringify({ exam: seed.maths.id, status: 'done', progress: { pagesDone: 9, pagesTotal: 9, copiesFound: 9 }, problems: [{ page: 1, code: 'x', message: 'forged' }] }))
    const answer = await seed.clients.alice.request('POST', '/api/scan-batches', form)
    expect(answer.status).toBe(201)
    const batch = await payload().findByID({ collection: 'scan-batches', id: answer.body.doc.id, depth: 0 })
    expect(batch.status).toBe('queued')
    expect(batch.progress?.pagesDone ?? 0).toBe(0)
    expect(batch.problems ?? []).toEqual([])
  })
})

describe('point 3: a teacher with no exam yet', () => {
  const collections = ['users', 'exams', 'scan-batches', 'copies', 'grades', 'annotations', 'media', 'comment-bank', 'payload-preferences']

  it.each(collections)('lists %s without a 500, and sees nothing of others', async (collection) => {
    const answer = await seed.clients.carol.request('GET', `/api/${collection}?depth=2`)
    expect(answer.status).toBe(200)
    if (collection === 'users') expect(answer.body.docs.map((d: { id: Id }) => String(d.id))).toEqual([String(seed.carol.id)])
    else expect(answer.body.docs).toEqual([])
  })

  it('makes every call of the portal without a 500', async () => {
    const calls = [
      '/api/users/me',
      '/api/exams?depth=0&limit=200&sort=-date',
      `/api/copies?where[exam][equals]=${seed.maths.id}&depth=0&limit=1000&sort=anonymousId`,
      `/api/grades?where[exam][equals]=${seed.maths.id}&depth=0&pagination=false&select[copy]=true&select[questionKey]=true`,
      `/api/grades?where[copy][equals]=${seed.mathsReady.id}&depth=0&limit=500`,
      `/api/annotations?where[copy][equals]=${seed.mathsReady.id}&depth=0&pagination=false`,
      '/api/annotations?depth=0&limit=1&where[clientKey][equals]=none',
      '/api/comment-bank?depth=0&limit=300&sort=text',
      '/api/copies/count',
      '/api/grades/count',
    ]
    for (const path of calls) {
      const answer = await seed.clients.carol.request('GET', path)
      expect({ path, status: answer.status }).toEqual({ path, status: 200 })
    }
    for (const path of [`/api/copies/${seed.mathsReady.id}`, `/api/exams/${seed.maths.id}`, `/api/grades/${seed.of.ready.grade.id}`]) {
      expect({ path, status: (await seed.clients.carol.request('GET', path)).status }).toEqual({ path, status: 404 })
    }
    expect((await seed.clients.carol.request('GET', `/api/correction/copies/${seed.mathsReady.id}/markers`)).status).toBeLessThan(500)
    const saved = await seed.clients.carol.request('POST', '/api/comment-bank', { text: 'Bien' })
    expect(saved.status).toBe(201)
    expect((await seed.clients.carol.request('GET', '/api/comment-bank?depth=0')).body.docs).toHaveLength(1)
  })

  it('answers GraphQL list queries with empty lists', async () => {
    const answer = await gql('carol', '{ Copies { docs { id } } Grades { docs { id } } Annotations { docs { id } } ScanBatches { docs { id } } allMedia { docs { id } } CommentBanks { docs { id } } countCopies { totalDocs } }')
    expect(answer.errors).toBeUndefined()
    expect(answer.data?.Copies.docs).toEqual([])
    expect(answer.data?.countCopies.totalDocs).toBe(0)
  })
})
