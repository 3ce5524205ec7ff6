import type { AddressInfo } from 'node:net'

import { jest } from '@jest/globals'

import { startTestApp, type TestApp } from '../helpers/app'
import { seedClass } from '../helpers/seed'
import { json, rawRequest } from './raw-http'

/**
 * Issue 13, point 5: the per-IP sign-in limits hold whatever spelling of the path reaches the handler
 * (dot segments, encoded dots, doubled slashes, backslashes, case), and GraphQL's sign-in, password and
 * unlock mutations share the REST budget.
 */
const LIMIT = 4
const saved = { staff: process.env.KORRIGO_LOGIN_RATE_PER_MINUTE, student: process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE }
let app: TestApp

beforeAll(async () => {
  process.env.KORRIGO_LOGIN_RATE_PER_MINUTE = String(LIMIT)
  process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE = String(LIMIT)
  app = await startTestApp({ processJobs: false })
  await seedClass(app.runtime.payload)
}, 240_000)

afterAll(async () => {
  for (const [name, value] of [['KORRIGO_LOGIN_RATE_PER_MINUTE', saved.staff], ['KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE', saved.student]] as const)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  await app?.close()
})

const variants = (path: string): string[] => {
  const [head, last] = [path.slice(0, path.lastIndexOf('/')), path.slice(path.lastIndexOf('/') + 1)]
  return [
    `${head}/./${last}`,
    `${head}//${last}`,
    `${head}/%2e/${last}`,
    `${head}/%2E/${last}`,
    `${head}/x/../${last}`,
    `${head}/x/%2e%2e/${last}`,
    `${head}\\${last}`,
    `${head}/${last}/`,
    path.toUpperCase().replace('/API/', '/api/'),
  ]
}

let nextIp = 30
const freshIp = () => `127.0.0.${nextIp++}`

describe('student sign-in', () => {
  // A new address each time: the per-address lock (429 after 5 failures) must not be what answers.
  let address = 0
  const attempt = (target: string, from: string, _n: number) =>
    rawRequest({ baseUrl: app.baseUrl, method: 'POST', target, from, ...json({ email: `nobody${address++}@eleve.test`, birthDate: '2011-01-01' }) })

  it.each(variants('/api/student-space/sign-in'))('%s reaches the handler and meets the per-IP limit', async (target) => {
    const from = freshIp()
    const statuses: number[] = []
    for (let n = 0; n <= LIMIT; n++) statuses.push((await attempt(target, from, n)).status)
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429])
  })

  it('counts every spelling against one budget', async () => {
    const from = freshIp()
    const forms = variants('/api/student-space/sign-in')
    const statuses: number[] = []
    for (let n = 0; n <= LIMIT; n++) statuses.push((await attempt(forms[n % forms.length]!, from, n)).status)
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429])
  })
})

describe('staff sign-in', () => {
  const attempt = (target: string, from: string, n: number) =>
    rawRequest({ baseUrl: app.baseUrl, method: 'POST', target, from, ...json({ email: `ghost${n}@school.test`, password: 'wrong-password' }) })

  it.each(variants('/api/users/login').filter((v) => !v.includes('USERS')))('%s meets the per-IP limit', async (target) => {
    const from = freshIp()
    const statuses: number[] = []
    for (let n = 0; n <= LIMIT; n++) statuses.push((await attempt(target, from, n)).status)
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429])
  })

  it('counts GraphQL loginUser and forgotPasswordUser in the same budget as REST', async () => {
    const from = freshIp()
    const gql = (query: string) => rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/graphql', from, ...json({ query }) })
    const login = (n: number) => gql(`mutation { loginUser(email: "ghost${n}@school.test", password: "wrong") { token } }`)
    expect((await attempt('/api/users/login', from, 0)).status).toBe(401)
    const first = await login(1)
    expect(first.status).toBe(200)
    expect(first.body.errors[0].message).toBeTruthy()
    expect((await gql('mutation { forgotPasswordUser(email: "ghost@school.test") }')).status).toBe(200)
    for (let n = 3; n < LIMIT; n++) expect((await login(n)).status).toBe(200)
    const limited = await login(99)
    expect(limited.status).toBe(429)
    expect(limited.body.errors[0].message).toMatch(/Too many sign-in attempts/)
    // Ordinary GraphQL from that address still works.
    expect((await gql('{ Exams { totalDocs } }')).status).toBe(200)
  })

  it('refuses several sign-ins in one GraphQL request (aliases would count as one)', async () => {
    const from = freshIp()
    const aliased = Array.from({ length: 20 }, (_, n) => `a${n}: loginUser(email: "ghost${n}@school.test", password: "wrong") { token }`).join(' ')
    const answer = await rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/graphql', from, ...json({ query: `mutation { ${aliased} }` }) })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toMatch(/One sign-in/)
  })

  it('still signs in normally through GraphQL', async () => {
    const answer = await rawRequest({
      baseUrl: app.baseUrl,
      method: 'POST',
      target: '/api/graphql',
      from: freshIp(),
      ...json({ query: 'mutation($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }', variables: { e: 'alice@school.test', p: 'alice-password-1' } }),
    })
    expect(answer.status).toBe(200)
    expect(answer.body.data.loginUser.token).toBeTruthy()
  })
})

describe('several app nodes behind one address', () => {
  // A second node: its own Express app and limiters (nothing in memory shared with the first), on the same
  // database, as behind a load balancer.
  let second: { baseUrl: string; close: () => Promise<void> }
  beforeAll(async () => {
    const { createHttpApp } = await import('../../../runtime/http-app')
    const server = (await createHttpApp({ runtime: app.runtime })).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    second = {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
    }
  })
  afterAll(async () => second?.close())

  it('share one staff sign-in budget per address: alternating nodes does not double it', async () => {
    const from = freshIp()
    const statuses: number[] = []
    for (let n = 0; n <= LIMIT; n++) {
      const baseUrl = n % 2 ? second.baseUrl : app.baseUrl
      statuses.push((await rawRequest({ baseUrl, method: 'POST', target: '/api/users/login', from, ...json({ email: `ghost${n}@school.test`, password: 'wrong' }) })).status)
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429])
  })

  it('lock an unknown student address for every node, and remember it across a restart', async () => {
    const settings = { maxAttempts: 3, lockMs: 60_000, sessionSeconds: 600 }
    const load = async () => (await import('../../../plugins/student-space/services/signIn')).signInStudent
    const tries: (number | undefined)[] = []
    for (let n = 0; n < 3; n++) {
      // A fresh copy of the service each time, as a new node or a restarted process would have.
      jest.resetModules()
      const signIn = await load()
      tries.push(await signIn({ payload: app.runtime.payload, email: 'stranger@eleve.test', birthDate: '2011-01-01', settings }).then(() => 200, (e: { status?: number }) => e.status))
      // The counter is written just after the answer.
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    jest.resetModules()
    const locked = await (await load())({ payload: app.runtime.payload, email: 'stranger@eleve.test', birthDate: '2011-01-01', settings }).catch((e: { status?: number }) => e.status)
    expect([...tries, locked]).toEqual([401, 401, 429, 429])
    // Stored under a keyed hash, never the address itself.
    const { docs } = await app.runtime.payload.find({ collection: 'rate-counters', where: { key: { like: 'student-unknown:' } }, overrideAccess: true, limit: 0 })
    expect(docs.length).toBeGreaterThan(0)
    expect(JSON.stringify(docs)).not.toContain('stranger')
  })
})
