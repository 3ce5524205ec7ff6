import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { resolveSettings } from '../../../plugins/student-space/lib/settings'
import { signInStudent } from '../../../plugins/student-space/services/signIn'
import { startTestApp, type TestApp } from '../helpers/app'
import { waitFor } from '../helpers/wait'
import { json, rawRequest } from './raw-http'
import { seedSecurity, type SecuritySeed } from './seed'

/**
 * Issue 13, point 10: sign-in work must not tell known addresses from unknown ones. Measured as work done
 * (password hashes computed, database operations before the answer), never as wall-clock time.
 */
let app: TestApp
let seed: SecuritySeed
let hashes = 0
const pbkdf2 = crypto.pbkdf2

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  seed = await seedSecurity({ payload: app.runtime.payload, baseUrl: app.baseUrl })
  // Counts every PBKDF2 run in the process: Payload's password check and ours alike call crypto.pbkdf2.
  crypto.pbkdf2 = ((...args: Parameters<typeof pbkdf2>) => {
    hashes++
    return (pbkdf2 as (...a: unknown[]) => void)(...args)
  }) as typeof pbkdf2
}, 240_000)

afterAll(async () => {
  crypto.pbkdf2 = pbkdf2
  await app?.close()
})

let ip = 60
const measured = async (send: () => Promise<{ status: number; body: any }>) => {
  const before = hashes
  const answer = await send()
  return { hashes: hashes - before, status: answer.status, body: answer.body }
}

describe('staff sign-in', () => {
  const login = (email: string, password: string) =>
    measured(() => rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/users/login', from: `127.0.0.${ip++}`, ...json({ email, password }) }))
  const graphqlLogin = (email: string, password: string) =>
    measured(() =>
      rawRequest({
        baseUrl: app.baseUrl,
        method: 'POST',
        target: '/api/graphql',
        from: `127.0.0.${ip++}`,
        ...json({ query: 'mutation($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }', variables: { e: email, p: password } }),
      }),
    )

  it('hashes once and answers alike for an unknown address, a wrong password and a locked account', async () => {
    await app.runtime.payload.db.updateOne({
      collection: 'users',
      where: { id: { equals: seed.carol.id } },
      data: { lockUntil: new Date(Date.now() + 3_600_000).toISOString(), loginAttempts: 10 },
    })
    const unknown = await login('nobody@school.test', 'some-password')
    const wrong = await login('bob@school.test', 'not-bobs-password')
    const locked = await login('carol@school.test', 'not-carols-password')
    const lockedRightPassword = await login('carol@school.test', 'carol-password-1')
    expect(unknown).toEqual({ hashes: 1, status: 401, body: wrong.body })
    expect(wrong.hashes).toBe(1)
    expect(locked).toEqual({ hashes: 1, status: 401, body: wrong.body })
    expect(lockedRightPassword).toEqual({ hashes: 1, status: 401, body: wrong.body })
    expect(JSON.stringify(locked.body)).not.toMatch(/lock|verrouill|bloqu/i)
  })

  it('says nothing of a lock over GraphQL either', async () => {
    const unknown = await graphqlLogin('nobody@school.test', 'x-password')
    const locked = await graphqlLogin('carol@school.test', 'x-password')
    expect(unknown.hashes).toBe(1)
    expect(locked.hashes).toBe(1)
    expect(locked.body.errors[0].message).toBe(unknown.body.errors[0].message)
    expect(locked.body.errors[0].extensions?.name).toBe(unknown.body.errors[0].extensions?.name)
  })

  it('still signs in with the right password', async () => {
    const ok = await login('alice@school.test', 'alice-password-1')
    expect(ok.status).toBe(200)
    expect(ok.hashes).toBeGreaterThanOrEqual(1)
  })
})

describe('student sign-in', () => {
  /** The payload the service is given, recording each database operation and whether the answer was out yet. */
  const recording = (payload: Payload) => {
    const calls: { op: string; beforeAnswer: boolean }[] = []
    let answered = false
    const proxy = new Proxy(payload, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver)
        if (typeof value !== 'function') return value
        if (!['find', 'findByID', 'count', 'update', 'create', 'delete'].includes(String(prop))) return value.bind(target)
        return (args: { collection: string }) => {
          calls.push({ op: `${String(prop)}:${args.collection}`, beforeAnswer: !answered })
          return value.call(target, args)
        }
      },
    })
    return { proxy, calls, markAnswered: () => (answered = true) }
  }

  const attempt = async (email: string, birthDate: string) => {
    const { proxy, calls, markAnswered } = recording(app.runtime.payload)
    const outcome = await signInStudent({ payload: proxy, email, birthDate, settings: resolveSettings({ input: {}, env: {} }) }).then(
      (result) => ({ ok: true as const, result }),
      (error: { status?: number; message?: string }) => ({ ok: false as const, status: error.status, message: error.message }),
    )
    markAnswered()
    return { outcome, calls }
  }

  it('does the same database work before answering an unknown address and a wrong birth date', async () => {
    const unknown = await attempt('nobody@eleve.test', '2011-01-01')
    const wrongDate = await attempt('aissatou@eleve.test', '2011-01-01')
    expect(wrongDate.outcome).toEqual(unknown.outcome)
    const before = (calls: { op: string; beforeAnswer: boolean }[]) => calls.filter((c) => c.beforeAnswer).map((c) => c.op)
    expect(before(wrongDate.calls)).toEqual(before(unknown.calls))
    // The address's lock shared by the app nodes, then the one lookup (the shared counters are read beside it).
    expect(before(unknown.calls)).toEqual(['create:locks', 'find:students'])
    // The known address's failure is still counted, after the answer.
    const failures = await waitFor('the failure to be counted', async () => {
      const row = await app.runtime.payload.findByID({ collection: 'students', id: seed.student.id, depth: 0, overrideAccess: true })
      return (row.signIn?.failedAttempts ?? 0) > 0 ? row.signIn?.failedAttempts : undefined
    })
    expect(failures).toBe(1)
    expect(wrongDate.calls.filter((c) => !c.beforeAnswer).map((c) => c.op)).toContain('update:students')
  })

  it('answers both over HTTP with the same status and body', async () => {
    const post = (email: string) =>
      rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/student-space/sign-in', from: `127.0.0.${ip++}`, ...json({ email, birthDate: '2011-02-02' }) })
    const [unknown, wrongDate] = [await post('ghost@eleve.test'), await post('aissatou@eleve.test')]
    expect({ status: wrongDate.status, body: wrongDate.body }).toEqual({ status: unknown.status, body: unknown.body })
  })
})
