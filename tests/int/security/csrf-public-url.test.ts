import { startTestApp, type TestApp } from '../helpers/app'
import { seedClass } from '../helpers/seed'
import { json, rawRequest } from './raw-http'

/** Issue 13, point 11: with KORRIGO_PUBLIC_URL set, its origin is Payload's csrf allow-list and ours. */
const saved = { proxy: process.env.KORRIGO_TRUST_PROXY, url: process.env.KORRIGO_PUBLIC_URL }
const restore = () => {
  for (const [name, value] of [['KORRIGO_TRUST_PROXY', saved.proxy], ['KORRIGO_PUBLIC_URL', saved.url]] as const)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
}

describe('with KORRIGO_PUBLIC_URL', () => {
  let app: TestApp

  beforeAll(async () => {
    process.env.KORRIGO_PUBLIC_URL = 'https://korrigo.lycee.test/'
    delete process.env.KORRIGO_TRUST_PROXY
    app = await startTestApp({ processJobs: false })
    await seedClass(app.runtime.payload)
  }, 240_000)

  afterAll(async () => {
    await app?.close()
    restore()
  })

  it('gives Payload the public origin as its csrf allow-list, and accepts writes from it', async () => {
    expect(app.runtime.payload.config.csrf).toContain('https://korrigo.lycee.test')
    const login = await rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/users/login', ...json({ email: 'alice@school.test', password: 'alice-password-1' }) })
    const cookie = (login.headers['set-cookie'] ?? []).find((c) => c.startsWith('payload-token='))!.split(';')[0]!
    const post = (origin: string) =>
      rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/comment-bank', ...json({ text: origin }), headers: { 'content-type': 'application/json', cookie, origin } })
    expect((await post('https://korrigo.lycee.test')).status).toBe(201)
    expect((await post('https://evil.test')).status).toBe(403)
  })
})
