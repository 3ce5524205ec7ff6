import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { KEEP_ALIVE_MS } from '../../runtime/listen'
import { startTestApp, type TestApp } from './helpers/app'
import { apiClient, signIn, type ApiClient } from './helpers/http'
import { seedClass } from './helpers/seed'

let app: TestApp
let seed: Awaited<ReturnType<typeof seedClass>>
let admin: ApiClient
let alice: ApiClient
let bob: ApiClient

beforeAll(async () => {
  process.env.KORRIGO_MAX_UPLOAD_MB = '1'
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  bob = await signIn({ baseUrl: app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
})

afterAll(async () => {
  await app?.close()
  delete process.env.KORRIGO_MAX_UPLOAD_MB
})

describe('health over HTTP', () => {
  it('is live and ready when the database and the queue answer', async () => {
    const live = await apiClient({ baseUrl: app.baseUrl }).request('GET', '/api/health/live')
    expect(live.status).toBe(200)
    const ready = await apiClient({ baseUrl: app.baseUrl }).request('GET', '/api/health/ready')
    expect(ready.status).toBe(200)
    expect(ready.body.checks.database.ok).toBe(true)
    expect(ready.body.checks.queue.ok).toBe(true)
  })

  it('keeps an idle connection longer than a proxy in front of it would, and tells clients so', async () => {
    // With Node's 5 s, a proxy (60 s idle) or a client reusing a connection the server was closing that
    // instant got a reset: a 502, an upload failing with ECONNRESET.
    const agent = new http.Agent({ keepAlive: true })
    try {
      const keepAlive = await new Promise<string | undefined>((resolve, reject) =>
        http
          .get(`${app.baseUrl}/api/health/live`, { agent }, (res) => {
            res.resume()
            resolve(String(res.headers['keep-alive']))
          })
          .on('error', reject),
      )
      expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000)
      expect(keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`)
    } finally {
      agent.destroy()
    }
  })
})

describe('access rules', () => {
  const ids = (body: any) => body.docs.map((d: any) => String(d.id)).sort()

  it('gives anonymous visitors nothing', async () => {
    const anonymous = apiClient({ baseUrl: app.baseUrl })
    for (const collection of ['exams', 'copies', 'students', 'grades', 'annotations', 'scan-batches', 'users']) {
      const response = await anonymous.request('GET', `/api/${collection}`)
      expect([401, 403]).toContain(response.status)
    }
  })

  it('shows a teacher only the exams they mark', async () => {
    expect(ids((await alice.request('GET', '/api/exams')).body)).toEqual([String(seed.maths.id)])
    expect(ids((await bob.request('GET', '/api/exams')).body)).toEqual([String(seed.history.id)])
    expect((await alice.request('GET', `/api/exams/${seed.history.id}`)).status).toBe(404)
    expect(ids((await admin.request('GET', '/api/exams')).body)).toHaveLength(2)
  })

  it('shows a teacher only markable copies of their exams, never the student', async () => {
    const copies = await alice.request('GET', '/api/copies?depth=1')
    expect(ids(copies.body)).toEqual([String(seed.mathsReady.id)])
    const copy = copies.body.docs[0]
    expect(copy.student).toBeUndefined()
    expect(copy.identification).toBeUndefined()
    expect(JSON.stringify(copies.body)).not.toContain('Diaye')
    expect((await alice.request('GET', `/api/copies/${seed.historyReady.id}`)).status).toBe(404)
    expect((await alice.request('GET', `/api/copies/${seed.mathsStaging.id}`)).status).toBe(404)
    const asAdmin = await admin.request('GET', `/api/copies/${seed.mathsReady.id}?depth=0`)
    expect(String(asAdmin.body.student)).toBe(String(seed.student.id))
  })

  it('keeps students and other staff out of a teacher’s reach', async () => {
    expect((await alice.request('GET', '/api/students')).status).toBe(403)
    expect(ids((await alice.request('GET', '/api/users')).body)).toEqual([String(seed.alice.id)])
    expect((await alice.request('POST', '/api/exams', { title: 'Mine' })).status).toBe(403)
    const promote = await alice.request('PATCH', `/api/users/${seed.alice.id}`, { role: 'admin' })
    expect(promote.body.doc?.role ?? 'teacher').toBe('teacher')
    expect((await app.runtime.payload.findByID({ collection: 'users', id: seed.alice.id })).role).toBe('teacher')
  })

  it('does not let a teacher reassign a copy to a student or set its total', async () => {
    const response = await alice.request('PATCH', `/api/copies/${seed.mathsReady.id}`, { total: 999, student: null })
    expect(response.status).toBe(200)
    const copy = await app.runtime.payload.findByID({ collection: 'copies', id: seed.mathsReady.id, depth: 0 })
    expect(copy.total ?? 0).not.toBe(999)
    expect(String(copy.student)).toBe(String(seed.student.id))
  })
})

describe('grades', () => {
  const grade = (client: ApiClient, copy: unknown, questionKey: string, points: number) =>
    client.request('POST', '/api/grades', { copy, questionKey, points })
  const total = async (id: unknown) =>
    (await app.runtime.payload.findByID({ collection: 'copies', id: id as number, depth: 0 })).total

  it('accepts marks on the scale and computes the total on the server', async () => {
    const q1 = await grade(alice, seed.mathsReady.id, 'Q1', 3.5)
    expect(q1.status).toBe(201)
    expect(String(q1.body.doc.corrector?.id ?? q1.body.doc.corrector)).toBe(String(seed.alice.id))
    expect(await total(seed.mathsReady.id)).toBe(3.5)
    const q2 = await grade(alice, seed.mathsReady.id, 'Q2', 4.75)
    expect(q2.status).toBe(201)
    expect(await total(seed.mathsReady.id)).toBe(8.25)
    await alice.request('PATCH', `/api/grades/${q2.body.doc.id}`, { points: 5 })
    expect(await total(seed.mathsReady.id)).toBe(8.5)
    await alice.request('DELETE', `/api/grades/${q1.body.doc.id}`)
    expect(await total(seed.mathsReady.id)).toBe(5)
  })

  it.each([
    // In French unless the request asks otherwise (Payload's language, French by default, as the admin's)
    ['Q2', 5.5, /Q2 \(Exercice 2\).*5,5 dépasse le maximum de 5/],
    ['Q1', 0.3, /Q1 \(Exercice 1\).*0,3 n’est pas un multiple du pas de 0,5/],
    ['Q3', -1, /Q3.*-1 est en dessous de 0/],
    ['Q9', 1, /« Q9 » n’est pas dans le barème/],
  ])('rejects %s = %s with a 400 that names the question', async (key, points, message) => {
    const response = await grade(alice, seed.mathsReady.id, key, points)
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(message)
  })

  it('refuses a second grade for the same question of a copy', async () => {
    const first = await grade(admin, seed.historyReady.id, 'Q3', 2)
    expect(first.status).toBe(201)
    const second = await grade(admin, seed.historyReady.id, 'Q3', 3)
    expect(second.status).toBeGreaterThanOrEqual(400)
    expect(await total(seed.historyReady.id)).toBe(2)
  })

  it('refuses grades on copies of exams the teacher does not mark', async () => {
    expect((await grade(alice, seed.historyReady.id, 'Q1', 1)).status).toBe(403)
    expect((await grade(alice, seed.mathsStaging.id, 'Q1', 1)).status).toBe(403)
    const bobsGrades = await alice.request('GET', '/api/grades')
    expect(bobsGrades.body.docs.every((g: any) => String(g.copy?.id ?? g.copy) === String(seed.mathsReady.id))).toBe(true)
  })

  it('freezes a finalized copy for its teacher until an admin reopens it', async () => {
    expect((await alice.request('PATCH', `/api/copies/${seed.mathsReady.id}`, { status: 'finalized' })).status).toBe(200)
    const late = await grade(alice, seed.mathsReady.id, 'Q3', 1)
    expect(late.status).toBe(409)
    expect((await alice.request('PATCH', `/api/copies/${seed.mathsReady.id}`, { status: 'marking' })).status).toBe(403)
    expect((await admin.request('PATCH', `/api/copies/${seed.mathsReady.id}`, { status: 'marking' })).status).toBe(200)
    expect((await grade(alice, seed.mathsReady.id, 'Q3', 1)).status).toBe(201)
  })
})

describe('annotations', () => {
  it('detects a concurrent edit through the version', async () => {
    const created = await alice.request('POST', '/api/annotations', {
      copy: seed.mathsReady.id,
      page: 1,
      kind: 'tick',
      geometry: { x: 100, y: 200 },
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.version).toBe(1)
    const id = created.body.doc.id
    const first = await alice.request('PATCH', `/api/annotations/${id}`, { geometry: { x: 110, y: 200 }, version: 1 })
    expect(first.status).toBe(200)
    expect(first.body.doc.version).toBe(2)
    const stale = await alice.request('PATCH', `/api/annotations/${id}`, { geometry: { x: 0, y: 0 }, version: 1 })
    expect(stale.status).toBe(409)
    const stored = await app.runtime.payload.findByID({ collection: 'annotations', id, depth: 0 })
    expect(stored.geometry).toEqual({ x: 110, y: 200 })
    expect((await bob.request('GET', `/api/annotations/${id}`)).status).toBe(404)
  })

  it('finds a resent creation by its client key instead of doubling it, and refuses a stale deletion', async () => {
    const body = { copy: seed.mathsReady.id, page: 1, kind: 'cross', geometry: { x: 5, y: 5 }, clientKey: 'portal-key-1' }
    const created = await alice.request('POST', '/api/annotations', body)
    expect(created.status).toBe(201)
    expect(created.body.doc.clientKey).toBe('portal-key-1')
    const again = await alice.request('POST', '/api/annotations', body)
    expect(again.status).toBe(400)
    const found = await alice.request('GET', '/api/annotations?where[clientKey][equals]=portal-key-1&depth=0')
    expect(found.body.docs.map((d: { id: unknown }) => d.id)).toEqual([created.body.doc.id])
    // Another teacher cannot use a key to see someone else's copy.
    expect((await bob.request('GET', '/api/annotations?where[clientKey][equals]=portal-key-1&depth=0')).body.docs).toEqual([])
    // Without a key the server makes one: every record has one.
    const unkeyed = await alice.request('POST', '/api/annotations', { ...body, clientKey: undefined })
    expect(unkeyed.body.doc.clientKey).toMatch(/^[0-9a-f-]{36}$/)
    expect((await alice.request('PATCH', `/api/annotations/${created.body.doc.id}`, { clientKey: 'other', version: 1 })).status).toBe(400)

    const id = created.body.doc.id
    expect((await alice.request('PATCH', `/api/annotations/${id}`, { geometry: { x: 6, y: 6 }, version: 1 })).status).toBe(200)
    const stale = await alice.request('DELETE', `/api/annotations/${id}?version=1`)
    expect(stale.status).toBe(409)
    expect(await app.runtime.payload.findByID({ collection: 'annotations', id, depth: 0 })).toMatchObject({ version: 2 })
    expect((await alice.request('DELETE', `/api/annotations/${id}?version=2`)).status).toBe(200)
    expect((await alice.request('GET', `/api/annotations/${id}`)).status).toBe(404)
  })
})

describe('scan batch uploads', () => {
  const upload = (client: ApiClient, name: string, type: string, bytes: Uint8Array) => {
    const form = new FormData()
    form.append('file', new Blob([Buffer.from(bytes)], { type }), name)
    form.append('_payload', JSON.stringify({ exam: seed.maths.id }))
    return client.request('POST', '/api/scan-batches', form)
  }

  it('rejects a file that is not a PDF, naming it', async () => {
    const response = await upload(admin, 'photo.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
    expect(response.status).toBe(415)
    expect(response.body.errors[0].message).toMatch(/photo\.png: a scan batch must be a PDF/)
  })

  it('rejects a PDF-named file whose content is not a PDF', async () => {
    const response = await upload(admin, 'fake.pdf', 'application/pdf', new TextEncoder().encode('hello'))
    expect(response.status).toBe(415)
    expect(response.body.errors[0].message).toMatch(/fake\.pdf.*no PDF header/)
  })

  it('rejects a file over the size limit, saying the limit', async () => {
    const big = new Uint8Array(1024 * 1024 + 4096)
    big.set(new TextEncoder().encode('%PDF-1.7\n'))
    const response = await upload(admin, 'huge.pdf', 'application/pdf', big)
    expect(response.status).toBe(413)
    expect(response.body.errors[0].message).toMatch(/huge\.pdf: .* above the 1 MB limit/)
  })

  it('refuses an upload to an exam the teacher does not mark', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
    const form = new FormData()
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'scan.pdf')
    form.append('_payload', JSON.stringify({ exam: seed.history.id }))
    expect((await alice.request('POST', '/api/scan-batches', form)).status).toBe(403)
  })
})

describe('jobs', () => {
  it('runs cleanup-old-files through Agenda and removes only old temporary files', async () => {
    const tmp = path.join(app.dataDir, 'tmp')
    fs.mkdirSync(tmp, { recursive: true })
    const old = path.join(tmp, 'old.bin')
    const fresh = path.join(tmp, 'fresh.bin')
    fs.writeFileSync(old, 'x')
    fs.writeFileSync(fresh, 'y')
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000)
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo)
    const { agenda } = app.runtime
    const done = new Promise<void>((resolve, reject) => {
      agenda.once('success:cleanup-old-files', () => resolve())
      agenda.once('fail:cleanup-old-files', (err: unknown) => reject(err))
    })
    await agenda.now('cleanup-old-files', { olderThanHours: 24 })
    await done
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.existsSync(fresh)).toBe(true)
  })

  it('fails a job whose data is malformed, with a message that says why', async () => {
    const { agenda } = app.runtime
    const failed = new Promise<string>((resolve) => agenda.once('fail:cleanup-old-files', (err: Error) => resolve(err.message)))
    await agenda.now('cleanup-old-files', { olderThanHours: 'yesterday' })
    expect(await failed).toMatch(/olderThanHours must be a number/)
  })
})

describe('GraphQL', () => {
  it('answers under /api/graphql with the same access rules as REST', async () => {
    const query = async (client: ApiClient) =>
      (await client.request('POST', '/api/graphql', { query: '{ Exams { docs { title } } }' })).body
    const asAdmin = await query(admin)
    expect(asAdmin.data.Exams.docs.map((d: { title: string }) => d.title).sort()).toEqual(['Histoire', 'Maths — contrôle 1'])
    const asAlice = await query(alice)
    expect(asAlice.data.Exams.docs.map((d: { title: string }) => d.title)).toEqual(['Maths — contrôle 1'])
  })
})

describe('operations', () => {
  it('serves Prometheus metrics to this machine, counting requests and jobs', async () => {
    await apiClient({ baseUrl: app.baseUrl }).request('GET', '/api/health/live')
    const response = await fetch(`${app.baseUrl}/api/metrics`)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} \d+/)
    expect(text).toMatch(/jobs_total\{name="cleanup-old-files",outcome="success"\} \d+/)
    expect(text).toMatch(/jobs_total\{name="cleanup-old-files",outcome="failure"\} \d+/)
  })

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${app.baseUrl}/api/health/live`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    // Plain HTTP here: HSTS only goes out over HTTPS (tests/int/security/csrf-headers.test.ts).
    expect(response.headers.get('strict-transport-security')).toBeNull()
    expect(response.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/)
  })
})
