import { startTestApp, type TestApp } from '../helpers/app'
import { seedClass } from '../helpers/seed'
import { json, rawRequest, type RawAnswer } from './raw-http'

/**
 * Issue 13, point 11 (server side): writes that a browser authenticates with a session cookie must come
 * from our own pages (Origin / Referer / Sec-Fetch-Site); Payload's csrf list holds KORRIGO_PUBLIC_URL's
 * origin; the staff cookie is Secure when the request came over HTTPS (trusted proxy); HSTS only then.
 * The browser side (CSP of the admin and the portal) is tests/e2e/security; KORRIGO_PUBLIC_URL is csrf-public-url.test.ts
 * (one app per test file).
 */
const saved = { proxy: process.env.KORRIGO_TRUST_PROXY, url: process.env.KORRIGO_PUBLIC_URL }
const restore = () => {
  for (const [name, value] of [['KORRIGO_TRUST_PROXY', saved.proxy], ['KORRIGO_PUBLIC_URL', saved.url]] as const)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
}

const cookieOf = (answer: RawAnswer, name: string) =>
  (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`))

const staffCookie = async (baseUrl: string, headers: Record<string, string> = {}) => {
  const answer = await rawRequest({ baseUrl, method: 'POST', target: '/api/users/login', ...json({ email: 'alice@school.test', password: 'alice-password-1' }), headers: { 'content-type': 'application/json', ...headers } })
  expect(answer.status).toBe(200)
  return { answer, cookie: cookieOf(answer, 'payload-token')!.split(';')[0]! }
}

describe('on the app’s own host', () => {
  let app: TestApp
  let cookie: string

  beforeAll(async () => {
    process.env.KORRIGO_TRUST_PROXY = 'true'
    delete process.env.KORRIGO_PUBLIC_URL
    app = await startTestApp({ processJobs: false })
    await seedClass(app.runtime.payload)
    cookie = (await staffCookie(app.baseUrl)).cookie
  }, 240_000)

  afterAll(async () => {
    await app?.close()
    restore()
  })

  const save = (headers: Record<string, string>, text = 'Bien vu') =>
    rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/comment-bank', ...json({ text }), headers: { 'content-type': 'application/json', cookie, ...headers } })
  const saved = async (text: string) =>
    (await app.runtime.payload.count({ collection: 'comment-bank', where: { text: { equals: text } }, overrideAccess: true })).totalDocs

  it('refuses a cookie-authenticated write from another origin, whatever says so', async () => {
    const forged: Record<string, string>[] = [{ origin: 'http://evil.test' }, { origin: 'null' }, { referer: 'http://evil.test/form.html' }, { 'sec-fetch-site': 'cross-site' }]
    for (const [n, headers] of forged.entries()) {
      const answer = await save(headers, `forged ${n}`)
      expect(answer.status).toBe(403)
      expect(answer.body.errors[0].message).toMatch(/Cross-site request refused/)
      expect(await saved(`forged ${n}`)).toBe(0)
    }
  })

  it('accepts it from our own pages, and accepts a token sent in a header from anywhere', async () => {
    expect((await save({ origin: app.baseUrl }, 'own origin')).status).toBe(201)
    expect((await save({ referer: `${app.baseUrl}/portal/` }, 'own referer')).status).toBe(201)
    expect((await save({ 'sec-fetch-site': 'same-origin' }, 'same-origin')).status).toBe(201)
    const login = await rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/users/login', ...json({ email: 'bob@school.test', password: 'bob-password-1' }) })
    const byHeader = await rawRequest({
      baseUrl: app.baseUrl,
      method: 'POST',
      target: '/api/comment-bank',
      ...json({ text: 'by header' }),
      headers: { 'content-type': 'application/json', authorization: `JWT ${login.body.token}`, origin: 'http://evil.test' },
    })
    expect(byHeader.status).toBe(201)
  })

  it('guards our own endpoints too (the student space)', async () => {
    const answer = await rawRequest({ baseUrl: app.baseUrl, method: 'POST', target: '/api/student-space/sign-out', headers: { cookie: 'korrigo-student=abc', origin: 'http://evil.test' } })
    expect(answer.status).toBe(403)
  })

  it('marks the staff cookie Secure and sends HSTS only when the request came over HTTPS', async () => {
    const plain = await staffCookie(app.baseUrl)
    expect(cookieOf(plain.answer, 'payload-token')).not.toMatch(/;\s*Secure/i)
    expect(plain.answer.headers['strict-transport-security']).toBeUndefined()
    const tls = await staffCookie(app.baseUrl, { 'x-forwarded-proto': 'https' })
    expect(cookieOf(tls.answer, 'payload-token')).toMatch(/;\s*Secure/i)
    expect(tls.answer.headers['strict-transport-security']).toMatch(/max-age=\d+/)
  })
})
