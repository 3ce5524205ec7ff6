import { startTestApp, type TestApp } from '../../helpers/app'
import { json, rawRequest } from '../raw-http'
import { seedSecurity, type SecuritySeed } from '../seed'
import { identityLeaks } from './identity'
import { OPERATIONS, rightOf, runCell, type Answer, type Operation, type Outcome } from './ops'
import { ROLES, type Role } from './roles'
import { buildSpecs, type Body, type Doc, type Spec } from './specs'

/**
 * Issue 13, "Done when": every role × every collection (and collections in the states that matter:
 * finalized and published copies, each kind of copy file) × every operation — REST find, findByID (both
 * with depth 2, so relations are populated), create, update, bulk update, delete, bulk delete, GraphQL
 * list, by id, create, update, delete, and file URLs — against a real database. Each cell is compared to
 * the rights written in specs.ts, never answers 5xx, and never shows a student's identity to anyone but an
 * admin. The cell count is printed (README quotes it).
 */
let app: TestApp
let seed: SecuritySeed
let studentCookie: string
const inputTypes = new Map<string, string>()
let total = 0

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  seed = await seedSecurity({ payload: app.runtime.payload, baseUrl: app.baseUrl })
  const signIn = await rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/student-space/sign-in', from: '127.0.0.90', ...json({ email: 'aissatou@eleve.test', birthDate: '2011-03-14' }) })
  studentCookie = (signIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('korrigo-student='))!.split(';')[0]!
  const schema = await graphql('admin', '{ __schema { mutationType { fields { name args { name type { kind name ofType { kind name } } } } } } }')
  for (const field of schema.body.data.__schema.mutationType.fields as { name: string; args: { name: string; type: { kind: string; name: string | null; ofType?: { name: string } } }[] }[]) {
    const data = field.args.find((a) => a.name === 'data')
    if (data) inputTypes.set(field.name, data.type.kind === 'NON_NULL' ? `${data.type.ofType!.name}!` : data.type.name!)
  }
}, 300_000)

afterAll(async () => app?.close(), 120_000)

const headersOf = (role: Role): Record<string, string> => {
  if (role === 'anonymous') return {}
  if (role === 'student') return { cookie: studentCookie }
  return { authorization: `JWT ${seed.clients[role].token}` }
}

const parse = (text: string) => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

async function send(role: Role, method: string, path: string, body?: Body): Promise<Answer> {
  const headers = headersOf(role)
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const response = await fetch(`${app.baseUrl}${path}`, { method, headers, body: payload })
  const text = await response.text()
  return { status: response.status, body: parse(text), text }
}

async function graphql(role: Role, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  return send(role, 'POST', '/api/graphql', { query, variables })
}

type Cell = { spec: string; role: Role; op: Operation; outcome: Outcome; expected: Outcome; leaks: string[]; detail: string }

it('holds every role × collection × operation cell to its rights, with no 5xx and no identity shown', async () => {
  const users: Record<string, Doc | undefined> = { alice: seed.alice, bob: seed.bob, carol: seed.carol, admin: seed.admin }
  const specs: Spec[] = buildSpecs({ payload: app.runtime.payload, seed, userOf: (role) => users[role] })

  // Every collection of the running config has at least one row in the matrix.
  const covered = new Set(specs.map((s) => s.slug))
  // Payload's own per-user preferences and its migrations table: the next test.
  const exempt = new Set(['payload-migrations', 'payload-preferences'])
  const missing = app.runtime.payload.config.collections.map((c) => c.slug).filter((slug) => !covered.has(slug) && !exempt.has(slug))
  expect(missing).toEqual([])

  const student = { lastName: "N'Diaye", email: 'aissatou@eleve.test', birthDate: '2011-03-14' }
  const cells: Cell[] = []
  for (const spec of specs) {
    let row: Promise<Doc> | undefined
    const shared = () => (row ??= spec.victim())
    for (const role of ROLES)
      for (const op of OPERATIONS) {
        const result = await runCell(op, { payload: app.runtime.payload, spec, role, send, graphql, inputTypes, shared })
        if (!result) continue
        const right = rightOf(op)
        const expected: Outcome = (spec.rights[right] ?? []).includes(role) ? 'allowed' : 'denied'
        const leaks = result.answers.flatMap((answer) => identityLeaks({ role, body: answer.body, text: answer.text, student }))
        const last = result.answers[result.answers.length - 1]!
        const detail = `${last.status} ${String(last.body?.errors?.[0]?.message ?? '').slice(0, 120)}`
        cells.push({ spec: spec.name, role, op, outcome: result.outcome, expected, leaks, detail })
      }
  }

  const wrong = cells.filter((c) => c.outcome !== c.expected).map((c) => `${c.spec} · ${c.role} · ${c.op}: ${c.outcome}, expected ${c.expected} (${c.detail})`)
  const leaking = cells.filter((c) => c.leaks.length).map((c) => `${c.spec} · ${c.role} · ${c.op}: ${c.leaks.join(', ')}`)
  const summary = specs.map((s) => {
    const mine = cells.filter((c) => c.spec === s.name)
    return `${s.name.padEnd(40)} ${String(mine.length).padStart(4)} cells, ${mine.filter((c) => c.outcome === 'allowed').length} allowed`
  })
  console.log(`security matrix: ${cells.length} cells (${ROLES.length} roles × ${specs.length} rows × up to ${OPERATIONS.length} operations)\n${summary.join('\n')}`)
  expect(wrong).toEqual([])
  expect(leaking).toEqual([])
  expect(cells.length).toBeGreaterThan(1500)
  total += cells.length
}, 1_800_000)

it('keeps Payload’s per-user preferences, its migrations and the globals to whom they belong', async () => {
  const payload = app.runtime.payload
  const makePreference = async () =>
    (await payload.create({
      collection: 'payload-preferences' as never,
      // Payload sets the owner from the signed-in user.
      data: { key: 'matrix-pref', value: { columns: ['forged'] } } as never,
      user: { ...seed.alice, collection: 'users' } as never,
      overrideAccess: true,
    })) as Doc
  let preference = await makePreference()
  const globals = payload.config.globals.map((g) => g.slug)
  const cells: string[] = []
  const wrong: string[] = []
  const check = (name: string, role: Role, allowed: boolean, expected: boolean, answer: Answer) => {
    cells.push(name)
    if (answer.status >= 500) wrong.push(`${name} · ${role}: ${answer.status}`)
    else if (allowed !== expected) wrong.push(`${name} · ${role}: ${allowed ? 'allowed' : 'denied'}, expected ${expected ? 'allowed' : 'denied'}`)
  }
  for (const role of ROLES) {
    const list = await send(role, 'GET', '/api/payload-preferences?depth=1')
    check('payload-preferences find', role, list.status === 200 && JSON.stringify(list.body).includes('matrix-pref'), role === 'alice', list)
    const byKey = await send(role, 'GET', '/api/payload-preferences/matrix-pref')
    check('payload-preferences by key', role, byKey.status === 200 && JSON.stringify(byKey.body).includes('forged'), role === 'alice', byKey)
    const gql = await graphql(role, '{ PayloadPreferences { docs { id key } } }')
    check('payload-preferences GraphQL', role, JSON.stringify(gql.body?.data ?? {}).includes('matrix-pref'), role === 'alice', gql)
    // Deleting by key deletes the signed-in user's own preference of that name, never someone else's.
    const removed = await send(role, 'DELETE', '/api/payload-preferences/matrix-pref')
    const still = Boolean(await payload.findByID({ collection: 'payload-preferences' as never, id: preference.id, overrideAccess: true }).catch(() => undefined))
    check('payload-preferences delete', role, !still, role === 'alice', removed)
    if (!still) preference = await makePreference()
    const migrations = await send(role, 'GET', '/api/payload-migrations?depth=0')
    check('payload-migrations find', role, migrations.status === 200 && (migrations.body?.docs?.length ?? 0) > 0, false, migrations)
    for (const slug of globals) {
      const read = await send(role, 'GET', `/api/globals/${slug}?depth=2`)
      check(`global ${slug} read`, role, read.status === 200 && read.body?.globalType === slug, role === 'admin', read)
      const write = await send(role, 'POST', `/api/globals/${slug}`, { hash: 'forged' })
      const after = (await payload.findGlobal({ slug: slug as never, overrideAccess: true, depth: 0 })) as { hash?: string }
      check(`global ${slug} update`, role, after.hash === 'forged', false, write)
    }
  }
  console.log(`security matrix (Payload's own): ${cells.length} cells`)
  expect(wrong).toEqual([])
  total += cells.length
  console.log(`security matrix total: ${total} cells`)
})

it('gives teachers no oracle on identity: where and sort on student and identity fields, through relations too', async () => {
  const truth = { student: seed.student.id, lastName: "N'Diaye", email: 'aissatou@eleve.test' }
  const lie = { student: 999999, lastName: 'Nobody', email: 'nobody@eleve.test' }
  const queries = (v: typeof truth) => [
    `/api/copies?where[student][equals]=${v.student}`,
    `/api/copies?where[student.lastName][equals]=${encodeURIComponent(v.lastName)}`,
    `/api/copies?where[student.email][like]=${encodeURIComponent(v.email)}`,
    `/api/copies?where[identification.status][equals]=pending`,
    `/api/copies?where[identityZones][exists]=${v === truth}`,
    `/api/grades?where[copy.student][equals]=${v.student}`,
    `/api/grades?where[copy.student.lastName][equals]=${encodeURIComponent(v.lastName)}`,
    `/api/annotations?where[copy.student][equals]=${v.student}`,
    `/api/media?where[copy.student][equals]=${v.student}`,
    `/api/copies?sort=student`,
    `/api/copies?sort=-student.lastName`,
    `/api/grades?sort=copy.student`,
  ]
  const gql = (v: typeof truth) => [
    `{ Copies(where: { student: { equals: ${v.student} } }) { docs { id } } }`,
    `{ Copies(sort: "student") { docs { id } } }`,
    `{ Grades(where: { copy__student: { equals: ${v.student} } }) { docs { id } } }`,
  ]
  const cells: string[] = []
  const oracles: string[] = []
  const ids = (answer: Answer) => JSON.stringify(answer.body?.docs?.map((d: { id: unknown }) => d.id) ?? answer.body?.data ?? null)
  for (const role of ['alice', 'bob', 'carol'] as Role[]) {
    const [rest, restLie, graph, graphLie] = [queries(truth), queries(lie), gql(truth), gql(lie)]
    for (const [i, path] of rest.entries()) {
      const [a, b] = [await send(role, 'GET', `${path}&depth=2`), await send(role, 'GET', `${restLie[i]}&depth=2`)]
      cells.push(path)
      if (a.status >= 500 || (a.status === 200 && ids(a) !== ids(b)) || (a.status === 200 && /sort=/.test(path) && (a.body?.docs?.length ?? 0) > 1))
        oracles.push(`${role} ${path}: ${a.status} ${ids(a)} vs ${ids(b)}`)
    }
    for (const [i, query] of graph.entries()) {
      const [a, b] = [await graphql(role, query), await graphql(role, graphLie[i]!)]
      cells.push(query)
      if (a.status >= 500 || (!a.body?.errors && ids(a) !== ids(b))) oracles.push(`${role} ${query}: ${ids(a)} vs ${ids(b)}`)
    }
  }
  console.log(`security matrix (identity queries): ${cells.length} cells`)
  expect(oracles).toEqual([])
  total += cells.length
  console.log(`security matrix total: ${total} cells`)
})

