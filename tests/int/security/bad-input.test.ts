import fs from 'node:fs'
import path from 'node:path'

import { startTestApp, type TestApp } from '../helpers/app'
import { rawRequest } from './raw-http'
import { seedSecurity, type SecuritySeed } from './seed'

/**
 * Issue 13, point 9: bad input answers 4xx with a message that says what is wrong (and where, when it can),
 * never a 500: NUL characters, a NUL in a file path, JSON declared as text, references to rows that do not
 * exist, ids and query values of the wrong type, numbers out of range, a file missing from storage.
 */
let app: TestApp
let seed: SecuritySeed

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  seed = await seedSecurity({ payload: app.runtime.payload, baseUrl: app.baseUrl })
}, 240_000)

afterAll(async () => app?.close(), 360_000)

type Case = { method: string; target: string | (() => string); body?: string; as?: 'admin' | 'alice'; type?: string | null; status: number; message: RegExp }

const J = 'application/json'
const body = (value: unknown) => JSON.stringify(value)

/** Built when the test runs: the requests name rows of the seed. */
const CASES: [string, () => Case][] = [
  ['NUL in a staff e-mail', () => ({ method: 'POST', target: '/api/users/login', body: body({ email: 'a\u0000b@school.test', password: 'x' }), status: 400, message: /email: text cannot contain a NUL/ })],
  ['NUL in a student e-mail', () => ({ method: 'POST', target: '/api/student-space/sign-in', body: body({ email: 'a\u0000b@eleve.test', birthDate: '2011-01-01' }), status: 400, message: /email: .*NUL/ })],
  ['NUL in an annotation text', () => ({ method: 'POST', target: '/api/annotations', as: 'alice', body: body({ copy: seed.mathsReady.id, page: 1, kind: 'text', geometry: {}, text: 'a\u0000b' }), status: 400, message: /^text: .*NUL/ })],
  ['NUL inside annotation geometry', () => ({ method: 'POST', target: '/api/annotations', as: 'alice', body: body({ copy: seed.mathsReady.id, page: 1, kind: 'text', geometry: { label: 'a\u0000' } }), status: 400, message: /geometry\.label: .*NUL/ })],
  ['NUL in a GraphQL request body', () => ({ method: 'POST', target: '/api/graphql', as: 'alice', body: body({ query: 'mutation($t: String!) { createCommentBank(data: { text: $t }) { id } }', variables: { t: 'a\u0000b' } }), status: 400, message: /variables\.t: .*NUL/ })],
  ['%00 in a file path', () => ({ method: 'GET', target: () => `/api/media/file/${seed.files.mathsPdf.filename}%00.pdf`, as: 'admin', status: 400, message: /NUL character/ })],
  ['%00 in a query', () => ({ method: 'GET', target: '/api/copies?where[anonymousId][equals]=a%00b', as: 'admin', status: 400, message: /NUL character/ })],
  ['JSON sent as text/plain', () => ({ method: 'POST', target: '/api/grades', as: 'alice', type: 'text/plain', body: body({ copy: seed.mathsReady.id, questionKey: 'Q2', points: 1 }), status: 415, message: /sent as text\/plain: send JSON with "Content-Type: application\/json"/ })],
  ['a body without a Content-Type', () => ({ method: 'POST', target: '/api/comment-bank', as: 'alice', type: null, body: body({ text: 'x' }), status: 415, message: /without a Content-Type/ })],
  ['malformed JSON', () => ({ method: 'POST', target: '/api/grades', as: 'alice', body: '{"copy": 1,', status: 400, message: /not valid JSON/ })],
  ['a JSON body that is null', () => ({ method: 'POST', target: '/api/comment-bank', as: 'alice', body: 'null', status: 400, message: /must be an object/ })],
  ['JSON nested 5000 deep', () => ({ method: 'POST', target: '/api/comment-bank', as: 'alice', body: `{"text": ${'['.repeat(5000)}${']'.repeat(5000)}}`, status: 400, message: /nested deeper than 64/ })],
  ['exam: 99999 on a copy', () => ({ method: 'POST', target: '/api/copies', as: 'admin', body: body({ exam: 99999 }), status: 400, message: /exam: 99999 does not exist/ })],
  ['exam: 99999 on a saved comment', () => ({ method: 'POST', target: '/api/comment-bank', as: 'admin', body: body({ text: 'x', exam: 99999 }), status: 400, message: /exam: 99999 does not exist/ })],
  ['copy: 99999 on a grade', () => ({ method: 'POST', target: '/api/grades', as: 'admin', body: body({ copy: 99999, questionKey: 'Q1', points: 1 }), status: 404, message: /Copy 99999 does not exist/ })],
  ['an id that is not a number', () => ({ method: 'GET', target: '/api/copies/abc', as: 'admin', status: 404, message: /No copies with id "abc"/ })],
  ['an id past the integer range', () => ({ method: 'GET', target: '/api/copies/99999999999999999999', as: 'admin', status: 404, message: /No copies with id/ })],
  ['a DELETE of a non-numeric id', () => ({ method: 'DELETE', target: '/api/grades/abc', as: 'admin', status: 404, message: /No grades with id "abc"/ })],
  ['a where value of the wrong type', () => ({ method: 'GET', target: '/api/copies?where[exam][equals]=abc', as: 'alice', status: 400, message: /wrong type/ })],
  ['limit=1e30', () => ({ method: 'GET', target: '/api/copies?limit=1e30', as: 'admin', status: 400, message: /limit must be a whole number/ })],
  ['page=-1', () => ({ method: 'GET', target: '/api/copies?page=-1', as: 'admin', status: 400, message: /page must be a whole number from 1/ })],
  ['a huge page number on an annotation', () => ({ method: 'POST', target: '/api/annotations', as: 'alice', body: body({ copy: seed.mathsReady.id, page: 1e20, kind: 'tick', geometry: {} }), status: 400, message: /page 100000000000000000000 is past the end of the copy \(1 page\)/ })],
  ['pagesPerCopy 1e300', () => ({ method: 'PATCH', target: () => `/api/exams/${seed.maths.id}`, as: 'admin', body: body({ pagesPerCopy: 1e300 }), status: 400, message: /./ })],
  ['points of 1e400 (Infinity)', () => ({ method: 'POST', target: '/api/grades', as: 'alice', body: `{"copy": ${seed.mathsReady.id}, "questionKey": "Q2", "points": 1e400}`, status: 400, message: /les points doivent être un nombre/ })],
  ['points as text', () => ({ method: 'POST', target: '/api/grades', as: 'alice', body: body({ copy: seed.mathsReady.id, questionKey: 'Q2', points: 'abc' }), status: 400, message: /les points doivent être un nombre/ })],
]

describe('bad input answers 4xx with what is wrong', () => {
  it.each(CASES)('%s', async (_name, make) => {
    const c = make()
    const headers: Record<string, string> = {}
    if (c.as) headers.authorization = `JWT ${seed.clients[c.as].token}`
    if (c.body !== undefined && c.type !== null) headers['content-type'] = c.type ?? J
    const target = typeof c.target === 'function' ? c.target() : c.target
    const answer = await rawRequest({ baseUrl: app.baseUrl, method: c.method, target, body: c.body, headers })
    const message = answer.body?.errors?.[0]?.message ?? ''
    expect({ status: answer.status, message }).toEqual({ status: c.status, message: expect.stringMatching(c.message) })
  })

  it('answers a GraphQL NUL written as an escape in the query with a 400 error, not a 500', async () => {
    const answer = await rawRequest({
      baseUrl: app.baseUrl,
      method: 'POST',
      target: '/api/graphql',
      headers: { authorization: `JWT ${seed.clients.alice.token}`, 'content-type': J },
      body: body({ query: 'mutation { createCommentBank(data: { text: "a\\u0000b" }) { id } }' }),
    })
    expect(answer.body.errors[0]).toMatchObject({ message: expect.stringMatching(/NUL character/), extensions: { statusCode: 400 } })
  })

  it('answers 404 for a stored file that is missing from the disk, and for an unknown file name', async () => {
    const media = seed.files.mathsHeader
    fs.rmSync(path.join(app.dataDir, 'media', 'files', media.filename!))
    const admin = { authorization: `JWT ${seed.clients.admin.token}` }
    const missing = await rawRequest({ baseUrl: app.baseUrl, method: 'GET', target: `/api/media/file/${media.filename}`, headers: admin })
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0].message).toMatch(/is not in storage/)
    const unknown = await rawRequest({ baseUrl: app.baseUrl, method: 'GET', target: '/api/media/file/never-stored.pdf', headers: admin })
    expect(unknown.status).toBe(404)
    const present = await rawRequest({ baseUrl: app.baseUrl, method: 'GET', target: `/api/media/file/${seed.files.mathsPdf.filename}`, headers: admin })
    expect(present.status).toBe(200)
  })
})
