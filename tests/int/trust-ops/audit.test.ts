import { spawn } from 'node:child_process'
import path from 'node:path'

import pg from 'pg'

import { flushAuditEvents } from '../../../plugins/audit/services/appender'
import { recordAuditEvent } from '../../../plugins/audit'
import { verifyAuditTrail } from '../../../plugins/audit/services/verify'
import { startTestApp, type TestApp } from '../helpers/app'
import { runKorrigo } from '../helpers/cli'
import { apiClient, signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

let app: TestApp
let admin: ApiClient
let alice: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>
let sql: pg.Client

const root = path.resolve(import.meta.dirname, '../../..')
const cli = (args: string[]) => runKorrigo(args, { DATABASE_URL: app.database.url, KORRIGO_DATA_DIR: app.dataDir })
const events = async (action: string) => {
  await flushAuditEvents(app.runtime.payload)
  return (await app.runtime.payload.find({ collection: 'audit-events', where: { action: { equals: action } }, sort: 'seq', limit: 0, pagination: false, overrideAccess: true, depth: 0 })).docs
}

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  sql = new pg.Client({ connectionString: app.database.url })
  await sql.connect()
}, 300_000)

afterAll(async () => {
  await sql?.end()
  await app?.close()
}, 420_000)

describe('the audit trail records sensitive actions', () => {
  test('staff sign-ins, successful and failed (REST and GraphQL), with who and from where', async () => {
    const ok = await events('auth.staff.sign-in')
    expect(ok.map((e) => e.actorLabel)).toEqual(expect.arrayContaining(['admin@school.test', 'alice@school.test']))
    expect(ok[0]!.ip).toMatch(/127\.0\.0\.1/)
    expect((await apiClient({ baseUrl: app.baseUrl }).request('POST', '/api/users/login', { email: 'alice@school.test', password: 'wrong' })).status).toBe(401)
    const gql = await apiClient({ baseUrl: app.baseUrl }).request('POST', '/api/graphql', { query: 'mutation { loginUser(email: "bob@school.test", password: "nope") { token } }' })
    expect(gql.status).toBeLessThan(500)
    const failed = await events('auth.staff.sign-in-failed')
    expect(failed.map((e) => e.actorLabel)).toContain('alice@school.test')
    expect(failed.length).toBeGreaterThanOrEqual(2)
  })

  test('student sign-ins, without keeping the address that was tried', async () => {
    const client = apiClient({ baseUrl: app.baseUrl })
    expect((await client.request('POST', '/api/student-space/sign-in', { email: 'aissatou@eleve.test', birthDate: '2011-03-14' })).status).toBe(200)
    expect((await client.request('POST', '/api/student-space/sign-in', { email: 'aissatou@eleve.test', birthDate: '2011-03-15' })).status).toBe(401)
    const [ok] = await events('auth.student.sign-in')
    expect(ok).toMatchObject({ actorType: 'student', actorId: String(seed.student.id), targetCollection: 'students' })
    const [failed] = await events('auth.student.sign-in-failed')
    expect(failed!.actorLabel).toMatch(/^sha256:[0-9a-f]{16}$/)
    expect(JSON.stringify(failed)).not.toContain('aissatou')
  })

  test('an identification decision, with the student before and after', async () => {
    const copy = await app.runtime.payload.create({ collection: 'copies', data: { exam: seed.maths.id, status: 'staging', pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })
    const other = await app.runtime.payload.create({ collection: 'students', data: { lastName: 'Martin', firstName: 'Lucas', className: '3e B', birthDate: '2011-05-02' } })
    const response = await admin.request('POST', `/api/identification/copies/${copy.id}/assign`, { studentId: other.id })
    expect(response.status).toBeLessThan(300)
    const [event] = await events('identification.assign')
    expect(event).toMatchObject({ actorLabel: 'admin@school.test', targetCollection: 'copies', targetId: String(copy.id), before: { student: null }, after: { student: other.id } })
  })

  test('a grade changed on a finalized copy, an unlock, a role change and a deletion', async () => {
    const { payload } = app.runtime
    const copy = await payload.create({ collection: 'copies', data: { exam: seed.maths.id, status: 'ready', student: seed.student.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })
    const grade = await alice.request('POST', '/api/grades', { copy: copy.id, questionKey: 'Q1', points: 2 })
    expect(grade.status).toBe(201)
    expect((await alice.request('PATCH', `/api/copies/${copy.id}`, { status: 'finalized' })).status).toBe(200)
    // After finalization: an admin changes the grade (teachers can no longer).
    expect((await admin.request('PATCH', `/api/grades/${grade.body.doc.id}`, { points: 3.5 })).status).toBe(200)
    const [changed] = await events('grade.change-after-finalization')
    expect(changed).toMatchObject({ actorLabel: 'admin@school.test', before: { points: 2 }, after: { points: 3.5 }, details: { operation: 'update', copyStatus: 'finalized' } })
    expect((await admin.request('PATCH', `/api/copies/${copy.id}`, { status: 'marking' })).status).toBe(200)
    const [unlock] = await events('copy.unlock')
    expect(unlock).toMatchObject({ targetId: String(copy.id), before: { status: 'finalized' }, after: { status: 'marking' } })

    expect((await admin.request('PATCH', `/api/users/${seed.bob.id}`, { role: 'admin' })).status).toBe(200)
    const [role] = await events('user.role-change')
    expect(role).toMatchObject({ targetId: String(seed.bob.id), before: { role: 'teacher' }, after: { role: 'admin' }, actorLabel: 'admin@school.test' })

    const gone = await payload.create({ collection: 'students', data: { lastName: 'Durand', firstName: 'Zoé', birthDate: '2011-01-01', email: 'zoe@eleve.test' } })
    expect((await admin.request('DELETE', `/api/students/${gone.id}`)).status).toBe(200)
    const [deleted] = await events('students.delete')
    expect(deleted).toMatchObject({ targetId: String(gone.id), before: { id: gone.id, lastName: '[redacted]', email: '[redacted]' } })
    expect(JSON.stringify(deleted)).not.toMatch(/Durand|zoe@/)
  })

  test('publication and export requests', async () => {
    const { payload } = app.runtime
    const exam = await payload.create({ collection: 'exams', data: { title: 'Published', gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] } })
    await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'finalized', student: seed.student.id, pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })
    expect((await admin.request('POST', `/api/publication/exams/${exam.id}/publish`, { notify: false })).status).toBe(202)
    expect((await admin.request('GET', `/api/exports/exams/${exam.id}?format=csv`)).status).toBe(200)
    expect((await events('exam.publish'))[0]).toMatchObject({ targetId: String(exam.id), actorLabel: 'admin@school.test', after: { notify: false, finalizedCopies: 1 } })
    expect((await events('exam.export'))[0]).toMatchObject({ targetId: String(exam.id), details: { format: 'csv' } })
  })
})

describe('nobody changes the trail through the application', () => {
  test('admins read it; nobody creates, edits or deletes through REST or GraphQL; teachers do not see it', async () => {
    const [first] = (await admin.request('GET', '/api/audit-events?sort=seq&limit=1')).body.docs
    expect(first.seq).toBe(1)
    expect((await admin.request('POST', '/api/audit-events', { action: 'forged', seq: 999, prevHash: 'x', contentHash: 'x', hash: 'x', at: new Date().toISOString(), actorType: 'staff' })).status).toBe(403)
    expect((await admin.request('PATCH', `/api/audit-events/${first.id}`, { action: 'edited' })).status).toBe(403)
    expect((await admin.request('DELETE', `/api/audit-events/${first.id}`)).status).toBe(403)
    expect((await admin.request('POST', '/api/graphql', { query: `mutation { deleteAuditEvent(id: ${first.id}) { id } }` })).body.errors?.length).toBeGreaterThan(0)
    expect((await alice.request('GET', '/api/audit-events')).status).toBe(403)
    expect((await app.runtime.payload.findByID({ collection: 'audit-events', id: first.id, overrideAccess: true })).action).toBe(first.action)
  })
})

describe('the hash chain', () => {
  test('concurrent appends from two processes never fork the chain', async () => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(import.meta.dirname, 'helpers/append-audit.ts'), '25', 'child'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: app.database.url, KORRIGO_DATA_DIR: app.dataDir },
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
    while (!out.includes('ready')) await new Promise((r) => setTimeout(r, 50))
    child.stdin.write('go\n')
    await Promise.all(Array.from({ length: 25 }, (_, i) => recordAuditEvent({ payload: app.runtime.payload, actor: { type: 'cli', label: 'parent' }, action: 'test.concurrent-append', details: { i } })))
    expect(await exited).toBe(0)
    const appended = await events('test.concurrent-append')
    expect(appended).toHaveLength(50)
    const all = (await app.runtime.payload.find({ collection: 'audit-events', sort: 'seq', limit: 0, pagination: false, overrideAccess: true, depth: 0 })).docs
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1))
    const result = await verifyAuditTrail({ payload: app.runtime.payload })
    expect(result).toMatchObject({ ok: true, checked: all.length, head: { seq: all.length } })
  }, 900_000)

  test('`korrigo audit verify` says the chain is intact, then names the first link broken in the database', async () => {
    const help = await cli(['audit', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/usage: korrigo audit verify/)
    expect((await cli(['audit', 'frobnicate'])).code).toBe(2)

    const intact = await cli(['audit', 'verify'])
    expect(intact.stdout).toMatch(/audit trail intact: \d+ events/)
    expect(intact.stderr).toMatch(/checked \d+ \/ \d+ events/)
    expect(intact.code).toBe(0)

    // Edit one event behind the application's back.
    await sql.query(`UPDATE audit_events SET after = '{"role":"teacher"}' WHERE action = 'user.role-change'`)
    const { rows } = await sql.query(`SELECT seq FROM audit_events WHERE action = 'user.role-change'`)
    const edited = Number(rows[0].seq)
    const broken = await cli(['audit', 'verify'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(new RegExp(`BROKEN at event #${edited} .*changed after it was written`))
    // The app's own log lines may come first on stdout: the answer is the last line.
    const json = JSON.parse((await cli(['audit', 'verify', '--json'])).stdout.trim().split('\n').pop()!)
    expect(json).toMatchObject({ ok: false, broken: { seq: edited } })
  }, 900_000)

  test('a deleted event, and deleted newest events, are found too', async () => {
    // Rewrite the edited row back is impossible without the hashes: start from a fresh, intact chain instead.
    await sql.query('DELETE FROM audit_events')
    await sql.query('UPDATE audit_head SET seq = 0, hash = NULL')
    for (let i = 0; i < 6; i++) await recordAuditEvent({ payload: app.runtime.payload, action: 'test.sequence', details: { i } })
    expect((await verifyAuditTrail({ payload: app.runtime.payload })).ok).toBe(true)
    await sql.query('DELETE FROM audit_events WHERE seq = 3')
    expect((await verifyAuditTrail({ payload: app.runtime.payload })).broken).toMatchObject({ seq: 4, reason: expect.stringMatching(/#3 is missing/) })
    await sql.query('DELETE FROM audit_events WHERE seq >= 3')
    expect((await verifyAuditTrail({ payload: app.runtime.payload })).broken).toMatchObject({ seq: 3, reason: expect.stringMatching(/#3–#6 are missing.*head says #6/) })
  })
})
