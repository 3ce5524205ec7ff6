import { startTestApp, type TestApp } from '../helpers/app'
import { json, rawRequest } from './raw-http'

/**
 * Issue 13, point 5, behind a reverse proxy (KORRIGO_TRUST_PROXY): the client's address is the one the proxy
 * appended to X-Forwarded-For; entries the client wrote itself before it cannot buy a fresh per-IP budget.
 */
const LIMIT = 3
const saved = { proxy: process.env.KORRIGO_TRUST_PROXY, rate: process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE }
let app: TestApp

beforeAll(async () => {
  process.env.KORRIGO_TRUST_PROXY = 'true'
  process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE = String(LIMIT)
  app = await startTestApp({ processJobs: false })
}, 240_000)

afterAll(async () => {
  for (const [name, value] of [['KORRIGO_TRUST_PROXY', saved.proxy], ['KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE', saved.rate]] as const)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  await app?.close()
})

it('limits by the address the proxy saw, whatever the client wrote in X-Forwarded-For', async () => {
  const statuses: number[] = []
  for (let n = 0; n <= LIMIT; n++) {
    const answer = await rawRequest({
      baseUrl: app.baseUrl,
      method: 'POST',
      target: '/api/student-space/sign-in',
      ...json({ email: `spoof${n}@eleve.test`, birthDate: '2011-01-01' }),
      // The client made up the first entry; the proxy appended the address it really came from.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.8.${n}, 203.0.113.7` },
    })
    statuses.push(answer.status)
  }
  expect(statuses).toEqual([...Array(LIMIT).fill(401), 429])
})
