import * as mupdf from 'mupdf'

import { startTestApp, type TestApp } from '../helpers/app'
import { apiClient, signIn, type ApiClient } from '../helpers/http'
import { seedAnonymity } from './seed'

let app: TestApp
let admin: ApiClient
let alice: ApiClient
let seed: Awaited<ReturnType<typeof seedAnonymity>>

/** Anything that would tell who wrote a copy. */
const IDENTITY = [/MARTINEAU/i, /Lucasine/i, /ZOLAVSKI/i, /Berthe/i, /eleve\.test/, /2011-03-14/, /"student":(?!null)/, /"identityZones":(?!null)/, /"identification":(?!null)/, /"redaction":(?!null)/, /"sourceKey":(?!null)/]
/** A field answered as null (GraphQL's way of saying "not yours") carries nothing. */
const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (!value || typeof value !== 'object') return value
  const entries = Object.entries(value).map(([k, v]) => [k, withoutNulls(v)] as const).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && !Array.isArray(v) && !Object.keys(v as object).length))
  return Object.fromEntries(entries)
}
const expectNoIdentity = (body: unknown, where: string) => {
  const text = typeof body === 'string' ? body : JSON.stringify(withoutNulls(body))
  for (const pattern of IDENTITY) expect({ where, leak: pattern.test(text) ? pattern.source : null }).toEqual({ where, leak: null })
}

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedAnonymity(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  expect((await alice.request('POST', '/api/grades', { copy: seed.mathsCopy.id, questionKey: 'Q1', points: 6 })).status).toBe(201)
  expect((await alice.request('POST', '/api/annotations', { copy: seed.mathsCopy.id, page: 1, kind: 'tick', geometry: { x: 100, y: 100 } })).status).toBe(201)
}, 300_000)

afterAll(async () => {
  await app?.close()
}, 120_000)

const fetchRaw = async (client: ApiClient, url: string) => {
  const response = await fetch(`${app.baseUrl}${url}`, { headers: client.token ? { authorization: `JWT ${client.token}` } : {} })
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) }
}

const pageText = (bytes: Uint8Array, index = 0) => {
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  try {
    const page = doc.loadPage(index)
    const text = page.toStructuredText('preserve-whitespace').asText()
    page.destroy()
    return text
  } finally {
    doc.destroy()
  }
}

const graphql = (client: ApiClient, query: string) => client.request('POST', '/api/graphql', { query })

describe('what an admin sees (so the checks below mean something)', () => {
  it('reads the student and the original file', async () => {
    const copy = (await admin.request('GET', `/api/copies/${seed.mathsCopy.id}?depth=1`)).body
    expect(copy.student.lastName).toBe('MARTINEAU')
    expect(pageText((await fetchRaw(admin, copy.pdf.url)).bytes)).toContain('MARTINEAU')
    const filtered = await admin.request('GET', `/api/copies?where[student.lastName][like]=MARTIN&depth=0`)
    expect(filtered.body.docs.map((c: any) => c.anonymousId).sort()).toEqual(['K-HIST01', 'K-MATHS01'])
  })
})

describe('a teacher never learns who wrote an anonymous copy', () => {
  it('REST lists and documents, at every depth, of every collection that reaches a copy', async () => {
    for (const path of [
      '/api/copies?depth=3',
      `/api/copies/${seed.mathsCopy.id}?depth=3`,
      '/api/grades?depth=3',
      '/api/annotations?depth=3',
      '/api/media?depth=3',
      '/api/exams?depth=3',
      `/api/exams/${seed.maths.id}?depth=3`,
      '/api/assignments?depth=3',
      '/api/comment-bank?depth=3',
      '/api/users?depth=3',
      '/api/scan-batches?depth=3',
      '/api/payload-locked-documents?depth=3',
    ]) {
      const answer = await alice.request('GET', path)
      expect({ path, status: answer.status < 500 }).toEqual({ path, status: true })
      expectNoIdentity(answer.body, path)
    }
    for (const path of ['/api/students', `/api/students/${seed.student.id}`, '/api/identification-decisions', '/api/scan-pages'])
      expect({ path, status: (await alice.request('GET', path)).status }).toEqual({ path, status: 403 })
  })

  it('filtering or sorting on who wrote a copy tells nothing (same answer whatever the value)', async () => {
    const same = async (a: string, b: string) => {
      const [x, y] = [await alice.request("GET", a), await alice.request("GET", b)]
      expect({ a, status: x.status, body: x.body?.docs?.map((d: any) => d.id) ?? x.body?.totalDocs ?? x.body }).toEqual({ a, status: y.status, body: y.body?.docs?.map((d: any) => d.id) ?? y.body?.totalDocs ?? y.body })
      expectNoIdentity(x.body, a)
    }
    const id = seed.student.id, otherId = seed.other.id
    await same(`/api/copies?where[student][equals]=${id}`, `/api/copies?where[student][equals]=${otherId}`)
    await same(`/api/copies?where[student][exists]=true`, `/api/copies?where[student][exists]=false`)
    await same(`/api/copies?where[student.lastName][like]=MARTIN`, `/api/copies?where[student.lastName][like]=ZOLAV`)
    await same(`/api/copies?where[student.birthDate][equals]=2011-03-14`, `/api/copies?where[student.birthDate][equals]=2011-05-02`)
    await same(`/api/copies/count?where[student][equals]=${id}`, `/api/copies/count?where[student][equals]=${otherId}`)
    await same(`/api/copies?where[identification.status][equals]=manual`, `/api/copies?where[identification.status][equals]=pending`)
    await same(`/api/copies?where[identityZones][exists]=true`, `/api/copies?where[identityZones][exists]=false`)
    await same(`/api/copies?where[or][0][student][equals]=${id}&where[or][1][anonymousId][equals]=none`, `/api/copies?where[or][0][student][equals]=${otherId}&where[or][1][anonymousId][equals]=none`)
    await same(`/api/grades?where[copy.student.lastName][like]=MARTIN`, `/api/grades?where[copy.student.lastName][like]=ZOLAV`)
    await same(`/api/annotations?where[copy.student][equals]=${id}`, `/api/annotations?where[copy.student][equals]=${otherId}`)
    await same(`/api/media?where[copy.student][equals]=${id}`, `/api/media?where[copy.student][equals]=${otherId}`)
    await same('/api/copies?sort=student&depth=0', '/api/copies?sort=-student&depth=0')
    await same('/api/copies?sort=student.lastName&depth=0', '/api/copies?sort=-student.lastName&depth=0')
    await same('/api/copies?sort=identification.confidence&depth=0', '/api/copies?sort=-identification.confidence&depth=0')
    await same('/api/grades?sort=copy.student.lastName&depth=0', '/api/grades?sort=-copy.student.lastName&depth=0')
  })

  it('GraphQL: no identity field, no filter or sort on one, at any depth', async () => {
    const deep = await graphql(alice, `{ Copies { docs { id anonymousId pdf { filename kind } student { lastName } identification { status } } } Grades { docs { copy { anonymousId student { lastName } } } } }`)
    expect(deep.body.data.Copies.docs.map((c: any) => c.pdf.kind)).toEqual(['redacted_pdf', 'redacted_pdf'])
    expectNoIdentity(deep.body, 'graphql deep')
    const a = await graphql(alice, `{ Copies(where: { student: { equals: ${seed.student.id} } }) { docs { id } } }`)
    const b = await graphql(alice, `{ Copies(where: { student: { equals: ${seed.other.id} } }) { docs { id } } }`)
    expect(a.body.data ?? a.body.errors?.length).toEqual(b.body.data ?? b.body.errors?.length)
    const s1 = await graphql(alice, `{ Copies(sort: "student") { docs { id } } }`)
    const s2 = await graphql(alice, `{ Copies(sort: "-student") { docs { id } } }`)
    expect(s1.body.data ?? s1.body.errors?.length).toEqual(s2.body.data ?? s2.body.errors?.length)
    expectNoIdentity(await graphql(alice, `{ Students { docs { lastName } } }`).then((r) => r.body), 'graphql students')
  })

  it('files: only the redacted scan, whatever the address', async () => {
    const copy = (await alice.request('GET', `/api/copies/${seed.mathsCopy.id}?depth=1`)).body
    expect({ pdf: copy.pdf, thumbnail: copy.thumbnail }).toMatchObject({ pdf: { kind: 'redacted-pdf' }, thumbnail: { kind: 'redacted-thumbnail' } })
    const served = await fetchRaw(alice, copy.pdf.url)
    expect(served.status).toBe(200)
    expect(pageText(served.bytes)).not.toMatch(/MARTINEAU|Lucasine/)
    expect(pageText(served.bytes, 1)).toContain('Exercice 2')
    const thumb = await fetchRaw(alice, copy.thumbnail.url)
    expect(thumb.status).toBe(200)
    const original = (await admin.request('GET', `/api/copies/${seed.mathsCopy.id}?depth=1`)).body
    for (const url of [original.pdf.url, original.thumbnail.url, `/api/media/file/copy-K-MATHS01.pdf`, `/api/media/file/thumb-K-MATHS01.pdf`])
      expect({ url, status: (await fetchRaw(alice, url)).status }).toEqual({ url, status: 403 })
    expect([403, 404]).toContain((await alice.request('GET', `/api/media/${original.pdf.id}`)).status)
    // Bob marks another exam: not even the redacted file of this copy.
    const bob = await signIn({ baseUrl: app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
    expect((await fetchRaw(bob, copy.pdf.url)).status).toBe(403)
    const image = await fetchRaw(alice, `/api/anonymization/copies/${seed.mathsCopy.id}/pages/0/image`)
    expect(image.status).toBe(200)
    expect((await fetchRaw(bob, `/api/anonymization/copies/${seed.mathsCopy.id}/pages/0/image`)).status).toBe(404)
    expect((await fetchRaw(apiClient({ baseUrl: app.baseUrl }), copy.pdf.url)).status).toBe(403)
  })

  it('writes, exports, statistics and error messages give nothing away', async () => {
    const patched = await alice.request('PATCH', `/api/copies/${seed.mathsCopy.id}?depth=2`, { student: seed.other.id, identityZones: [] })
    expectNoIdentity(patched.body, 'patch answer')
    // A teacher's write keeps the copy's redacted rendition (it is theirs to read, not to drop).
    expect((await alice.request('PATCH', `/api/copies/${seed.mathsCopy.id}`, { status: 'marking' })).status).toBe(200)
    const after = (await alice.request('GET', `/api/copies/${seed.mathsCopy.id}?depth=1`)).body
    expect(after.pdf?.kind).toBe('redacted-pdf')
    expect((await fetchRaw(alice, after.pdf.url)).status).toBe(200)
    const stored = await app.runtime.payload.findByID({ collection: 'copies', id: seed.mathsCopy.id, depth: 0, overrideAccess: true })
    expect(String(stored.student)).toBe(String(seed.student.id))
    expect((stored.identityZones as unknown[]).length).toBe(1)
    expect((await alice.request('GET', `/api/exports/exams/${seed.maths.id}`)).status).toBe(403)
    const stats = await alice.request('GET', `/api/exports/exams/${seed.maths.id}/statistics`)
    expectNoIdentity(stats.body, 'statistics')
    for (const path of [`/api/copies/${seed.historyCopy.id}`, `/api/identification/exams/${seed.maths.id}/desk`, `/api/correction/copies/${seed.mathsCopy.id}/markers`, `/api/anonymization/exams/${seed.maths.id}/status`]) {
      const answer = await alice.request('GET', path)
      expectNoIdentity(answer.body, path)
    }
    const bad = await alice.request('POST', '/api/grades', { copy: seed.historyCopy.id, questionKey: 'Q1', points: 1 })
    expect(bad.status).toBeGreaterThanOrEqual(400)
    expectNoIdentity(bad.body, 'refused grade')
  })
})
