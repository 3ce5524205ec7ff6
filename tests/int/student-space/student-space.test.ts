import { readUpload } from '../../../storage/uploads'
import { signStudentToken } from '../../../plugins/student-space/lib/token'
import { startTestApp, type TestApp } from '../helpers/app'
import { waitFor } from '../helpers/wait'
import { send, studentBrowser, type Answer } from './client'
import { seedPublished, STUDENTS } from './seed'

let app: TestApp
let seed: Awaited<ReturnType<typeof seedPublished>>

// Each scenario signs in from its own loopback address, so only the per-IP test meets the per-IP limit.
const RATE_LIMIT = 8

const previousRate = process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE

beforeAll(async () => {
  process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE = String(RATE_LIMIT)
  app = await startTestApp()
  seed = await seedPublished({ payload: app.runtime.payload, baseUrl: app.baseUrl })
}, 240_000)

afterAll(async () => {
  // Jest runs the files in one process: the next file must get the default limit again.
  if (previousRate === undefined) delete process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE
  else process.env.KORRIGO_STUDENT_SIGNIN_RATE_PER_MINUTE = previousRate
  await app?.close()
})

const studentRow = (id: string | number) => app.runtime.payload.findByID({ collection: 'students', id, depth: 0, overrideAccess: true })

const signedIn = async (who: keyof typeof STUDENTS, from: string) => {
  const browser = studentBrowser({ baseUrl: app.baseUrl, from })
  const answer = await browser.signIn(STUDENTS[who].email, STUDENTS[who].birthDate)
  expect(answer.status).toBe(200)
  return browser
}

const errorOf = (answer: Answer) => ({ status: answer.status, body: answer.body })

describe('student space: signing in', () => {
  it('signs in with email + birth date, in either date form and whatever the case of the address', async () => {
    const before = Date.now()
    const browser = studentBrowser({ baseUrl: app.baseUrl, from: '127.0.0.10' })
    const answer = await browser.signIn('  AISSATOU@Eleve.TEST ', '14/03/2011')
    expect(answer.status).toBe(200)
    expect(answer.body.student).toEqual({ id: seed.student.id, firstName: 'Aïssatou', lastName: "N'Diaye", className: '3e B' })
    expect(answer.headers['cache-control']).toBe('no-store')
    const cookie = (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith('korrigo-student='))!
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).toMatch(/; Max-Age=3600/)
    expect(cookie).not.toMatch(/Secure/) // plain HTTP here; HTTPS adds it
    expect(new Date(answer.body.expiresAt).getTime()).toBeGreaterThan(before + 3500_000)

    const me = await browser.get('/api/student-space/me')
    expect(me.status).toBe(200)
    expect(me.body.student.id).toBe(seed.student.id)
    const row = await studentRow(seed.student.id)
    expect(new Date(row.signIn!.lastSignInAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(row.fullName).toBe("N'DIAYE Aïssatou") // the counters update left the rest of the student alone

    const iso = await studentBrowser({ baseUrl: app.baseUrl, from: '127.0.0.10' }).signIn(STUDENTS.bastien.email.toLowerCase(), '2010-11-02')
    expect(iso.status).toBe(200)
    expect(iso.body.student.id).toBe(seed.bastien.id)
  })

  it('refuses wrong credentials with one answer whether the address is unknown or the date wrong, and sets no cookie', async () => {
    const from = '127.0.0.11'
    const wrongDate = await send({ baseUrl: app.baseUrl, method: 'POST', path: '/api/student-space/sign-in', from, body: { email: STUDENTS.bastien.email, birthDate: '03/11/2010' } })
    const unknown = await send({ baseUrl: app.baseUrl, method: 'POST', path: '/api/student-space/sign-in', from, body: { email: 'nobody@eleve.test', birthDate: '02/11/2010' } })
    expect(wrongDate.status).toBe(401)
    expect(errorOf(unknown)).toEqual(errorOf(wrongDate))
    expect(wrongDate.body.errors[0].message).toBe('This email address and birth date do not match a student.')
    for (const answer of [wrongDate, unknown]) expect(answer.headers['set-cookie']).toBeUndefined()

    // not a date, not an address: a 400 that counts nothing
    const malformed = await send({ baseUrl: app.baseUrl, method: 'POST', path: '/api/student-space/sign-in', from, body: { email: STUDENTS.bastien.email, birthDate: '31/02/2010' } })
    expect(malformed.status).toBe(400)
    const wildcard = await send({ baseUrl: app.baseUrl, method: 'POST', path: '/api/student-space/sign-in', from, body: { email: '%@%', birthDate: '2010-11-02' } })
    expect(wildcard.status).toBe(400)
    // A failure is answered before its counter is written (same work for known and unknown addresses).
    const afterFailure = await waitFor('the failure to be counted', async () => {
      const row = await studentRow(seed.bastien.id)
      return row.signIn?.failedAttempts ? row : undefined
    })
    expect(afterFailure.signIn?.failedAttempts).toBe(1)
    expect(afterFailure.signIn?.lastSignInAt).toBeTruthy() // his earlier sign-in is still on record

    // a success resets the counter
    expect((await studentBrowser({ baseUrl: app.baseUrl, from }).signIn(STUDENTS.bastien.email, STUDENTS.bastien.birthDate)).status).toBe(200)
    expect((await studentRow(seed.bastien.id)).signIn?.failedAttempts).toBe(0)
  })

  it('locks an address after 5 failures: 429 with Retry-After, even for the right birth date, until the lock expires', async () => {
    const from = '127.0.0.12'
    const attempt = (birthDate: string, email = STUDENTS.chloe.email, source = from) =>
      send({ baseUrl: app.baseUrl, method: 'POST', path: '/api/student-space/sign-in', from: source, body: { email, birthDate } })
    for (let n = 1; n <= 4; n++) expect((await attempt(`0${n}/01/2011`)).status).toBe(401)
    const fifth = await attempt('05/01/2011')
    expect(fifth.status).toBe(429)
    const retryAfter = Number(fifth.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(14 * 60)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)

    const right = await attempt(STUDENTS.chloe.birthDate)
    expect(right.status).toBe(429)
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0)
    expect(right.body.errors[0].message).toMatch(/Too many failed attempts/)
    expect(right.headers['set-cookie']).toBeUndefined()
    const row = await studentRow(seed.chloe.id)
    expect(row.signIn?.failedAttempts).toBe(5)
    expect(new Date(row.signIn!.lockedUntil!).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000)

    // an unknown address goes through the same steps: the lock does not reveal which addresses exist
    const ghost = 'ghost.student@eleve.test'
    const ghostAnswers = []
    for (let n = 1; n <= 6; n++) ghostAnswers.push((await attempt(`0${n}/02/2011`, ghost, '127.0.0.15')).status)
    expect(ghostAnswers).toEqual([401, 401, 401, 401, 429, 429])

    // the lock runs out (moved into the past here): the right date works again and clears the counters
    await app.runtime.payload.update({ collection: 'students', id: seed.chloe.id, data: { signIn: { lockedUntil: new Date(Date.now() - 1000).toISOString() } }, overrideAccess: true })
    const after = await studentBrowser({ baseUrl: app.baseUrl, from: '127.0.0.13' }).signIn(STUDENTS.chloe.email, STUDENTS.chloe.birthDate)
    expect(after.status).toBe(200)
    const cleared = await studentRow(seed.chloe.id)
    expect(cleared.signIn?.failedAttempts).toBe(0)
    expect(cleared.signIn?.lockedUntil).toBeFalsy()
    expect(cleared.signIn?.lastSignInAt).toBeTruthy()
  })

  it('limits failed sign-ins per IP address, not successful ones, and not other addresses', async () => {
    const post = (from: string, email: string, birthDate: string) =>
      send({ baseUrl: app.baseUrl, method: 'POST', path: '/api/student-space/sign-in', from, body: { email, birthDate } })
    // a whole class signing in from the school's one address: successes do not count
    for (let n = 0; n < RATE_LIMIT + 2; n++) expect((await post('127.0.0.20', STUDENTS.aissatou.email, STUDENTS.aissatou.birthDate)).status).toBe(200)

    // a guesser spreading over many addresses, each tried once: the lock never triggers, the IP limit does
    const statuses = []
    for (let n = 0; n < RATE_LIMIT + 2; n++) statuses.push((await post('127.0.0.21', `guess${n}@eleve.test`, '01/01/2011')).status)
    expect(statuses).toEqual([...Array(RATE_LIMIT).fill(401), 429, 429])
    const limited = await post('127.0.0.21', STUDENTS.aissatou.email, STUDENTS.aissatou.birthDate)
    expect(limited.status).toBe(429)
    expect(limited.headers['ratelimit-policy']).toBeDefined()
    expect(limited.body.errors[0].message).toMatch(/from this address/)
    // the students themselves were not locked by it, and another machine is unaffected
    expect((await post('127.0.0.22', STUDENTS.aissatou.email, STUDENTS.aissatou.birthDate)).status).toBe(200)
  })

  it('signs out: the cookie is dropped and the space answers 401', async () => {
    const browser = await signedIn('aissatou', '127.0.0.14')
    const out = await browser.request('POST', '/api/student-space/sign-out')
    expect(out.status).toBe(204)
    expect(out.headers['set-cookie']?.[0]).toMatch(/^korrigo-student=; HttpOnly; SameSite=Strict; Path=\/; Max-Age=0/)
    expect(browser.cookie()).toBeUndefined()
    expect((await browser.get('/api/student-space/me')).status).toBe(401)
    expect((await browser.get('/api/student-space/copies')).status).toBe(401)
  })
})

describe('student space: copies', () => {
  it('lists only the student’s own published copies, with the exam, total and each question', async () => {
    const aissatou = await signedIn('aissatou', '127.0.0.30')
    const list = await aissatou.get('/api/student-space/copies')
    expect(list.status).toBe(200)
    expect(list.headers['cache-control']).toBe('no-store')
    const ids = list.body.copies.map((c: { id: unknown }) => c.id)
    expect(ids.sort()).toEqual([seed.mathsReady.id, seed.physicsCopy.id].sort())
    // not listed: Bastien's copy, her history copy (finalized and rendered, not published), her staging copy
    for (const hidden of [seed.bastienMaths.id, seed.historyReady.id, seed.mathsStaging.id]) expect(ids).not.toContain(hidden)

    const maths = list.body.copies.find((c: { id: unknown }) => c.id === seed.mathsReady.id)
    expect(maths).toMatchObject({ exam: { id: seed.maths.id, title: 'Maths — contrôle 1', subject: 'Maths', className: '3e B' }, total: 5.75, maxTotal: 20, hasPdf: true })
    expect(maths.publishedAt).toBeTruthy()
    expect(maths.questions).toEqual([
      { key: 'Q1', label: 'Exercice 1', maxPoints: 4, points: 3.5, comment: 'Très bien rédigé' },
      { key: 'Q2', label: 'Exercice 2', maxPoints: 5, points: 2.25, comment: null },
      { key: 'Q3', label: null, maxPoints: 11, points: null, comment: null },
    ])
    expect(list.body.copies.find((c: { id: unknown }) => c.id === seed.physicsCopy.id)).toMatchObject({ hasPdf: false, maxTotal: 10 })
    // nothing of anyone else, and no internal field of the copy (student, correctors, anonymous id)
    const text = list.bytes.toString('utf8')
    for (const leak of ['Morel', 'Bastien', 'Revoir le cours', 'anonymousId', 'correctors', 'identification', '"student"']) expect(text).not.toContain(leak)

    const bastien = await signedIn('bastien', '127.0.0.30')
    const his = await bastien.get('/api/student-space/copies')
    expect(his.body.copies.map((c: { id: unknown }) => c.id)).toEqual([seed.bastienMaths.id])
    expect(his.body.copies[0]).toMatchObject({ total: 9, questions: [{ key: 'Q1', points: 2 }, { key: 'Q2', points: null }, { key: 'Q3', points: 7, comment: 'Revoir le cours' }] })

    const chloe = await signedIn('chloe', '127.0.0.30')
    expect((await chloe.get('/api/student-space/copies')).body.copies).toEqual([])
  })

  it('downloads the annotated PDF: the stored bytes, as a PDF with a file name', async () => {
    const payload = app.runtime.payload
    const aissatou = await signedIn('aissatou', '127.0.0.31')
    const copy = await payload.findByID({ collection: 'copies', id: seed.mathsReady.id, depth: 0, overrideAccess: true })
    const media = await payload.findByID({ collection: 'media', id: copy.annotatedPdf as number, depth: 0, overrideAccess: true })
    const stored = Buffer.from(await readUpload({ payload, collection: 'media', doc: media }))

    const inline = await aissatou.get(`/api/student-space/copies/${seed.mathsReady.id}/pdf`)
    expect(inline.status).toBe(200)
    expect(inline.headers['content-type']).toBe('application/pdf')
    expect(inline.headers['content-disposition']).toBe('inline; filename="Maths-controle-1_N-Diaye_Aissatou.pdf"')
    expect(inline.headers['cache-control']).toBe('no-store')
    expect(inline.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(inline.bytes.equals(stored)).toBe(true)

    const attachment = await aissatou.get(`/api/student-space/copies/${seed.mathsReady.id}/pdf?download=1`)
    expect(attachment.headers['content-disposition']).toBe('attachment; filename="Maths-controle-1_N-Diaye_Aissatou.pdf"')
    expect(attachment.bytes.equals(stored)).toBe(true)
  })

  it('answers 404, the same as for a copy that does not exist, for every other copy id', async () => {
    const payload = app.runtime.payload
    const all = (await payload.find({ collection: 'copies', depth: 0, limit: 0, pagination: false, overrideAccess: true })).docs.map((c) => c.id)
    expect(all.length).toBeGreaterThanOrEqual(5)
    const maxId = Math.max(...all.map(Number))
    const guesses = [...all, maxId + 1, 999_999, 0, -1, 'abc', '1e2', '%31', `${seed.bastienMaths.id}.pdf`]
    for (const [who, own] of [
      ['aissatou', seed.mathsReady.id],
      ['bastien', seed.bastienMaths.id],
      ['chloe', undefined],
    ] as const) {
      const browser = await signedIn(who, '127.0.0.32')
      const reference = errorOf(await browser.get(`/api/student-space/copies/${maxId + 1000}/pdf`))
      expect(reference).toEqual({ status: 404, body: { errors: [{ message: 'This copy does not exist.' }] } })
      for (const guess of guesses) {
        const answer = await browser.get(`/api/student-space/copies/${encodeURIComponent(String(guess))}/pdf`)
        if (guess === own) expect(answer.status).toBe(200)
        else expect([guess, errorOf(answer)]).toEqual([guess, reference])
      }
    }
    // and signed out, nothing at all
    expect((await send({ baseUrl: app.baseUrl, method: 'GET', path: `/api/student-space/copies/${seed.mathsReady.id}/pdf` })).status).toBe(401)
  })
})

describe('student space: kept apart from staff sessions', () => {
  it('gives a student cookie no access to Payload’s collections, in any place a staff token could go', async () => {
    const payload = app.runtime.payload
    const aissatou = await signedIn('aissatou', '127.0.0.40')
    const token = aissatou.cookie()!
    const copy = await payload.findByID({ collection: 'copies', id: seed.mathsReady.id, depth: 0, overrideAccess: true })
    const media = await payload.findByID({ collection: 'media', id: copy.annotatedPdf as number, depth: 0, overrideAccess: true })
    const paths = [
      '/api/copies',
      `/api/copies/${seed.mathsReady.id}`,
      '/api/students',
      `/api/students/${seed.student.id}`,
      '/api/media',
      `/api/media/${media.id}`,
      `/api/media/file/${media.filename}`,
      '/api/grades',
      '/api/exams',
      '/api/annotations',
    ]
    const carriers: Record<string, string>[] = [
      { cookie: `korrigo-student=${token}` },
      { cookie: `payload-token=${token}` },
      { authorization: `JWT ${token}` },
      { authorization: `Bearer ${token}` },
    ]
    for (const headers of carriers) {
      for (const path of paths) {
        const answer = await send({ baseUrl: app.baseUrl, method: 'GET', path, headers })
        expect([path, headers, answer.status]).toEqual([path, headers, 403])
      }
      const me = await send({ baseUrl: app.baseUrl, method: 'GET', path: '/api/users/me', headers })
      expect(me.body.user).toBeNull()
      const graphql = await send({ baseUrl: app.baseUrl, method: 'POST', path: '/api/graphql', headers, body: { query: '{ Copies { docs { id } } Students { docs { id } } }' } })
      expect(graphql.body.data?.Copies ?? null).toBeNull()
      expect(graphql.body.errors?.length).toBeGreaterThan(0)
    }
  })

  it('gives a staff token no access to the student space, and refuses forged or expired student tokens', async () => {
    const staffToken = seed.admin.token!
    const endpoints = ['/api/student-space/me', '/api/student-space/copies', `/api/student-space/copies/${seed.mathsReady.id}/pdf`]
    const expired = await signStudentToken({ secret: app.runtime.payload.secret, studentId: seed.student.id, ttlSeconds: 60, now: new Date(Date.now() - 3600_000) })
    const forged = await signStudentToken({ secret: 'another-secret', studentId: seed.student.id, ttlSeconds: 600 })
    const valid = (await signedIn('aissatou', '127.0.0.41')).cookie()!
    const tampered = `${valid.slice(0, -3)}${valid.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`
    const carriers: Record<string, string>[] = [
      { authorization: `JWT ${staffToken}` },
      { authorization: `Bearer ${staffToken}` },
      { cookie: `payload-token=${staffToken}` },
      { cookie: `korrigo-student=${staffToken}` },
      { cookie: `korrigo-student=${expired.token}` },
      { cookie: `korrigo-student=${forged.token}` },
      { cookie: `korrigo-student=${tampered}` },
    ]
    for (const headers of carriers)
      for (const path of endpoints) {
        const answer = await send({ baseUrl: app.baseUrl, method: 'GET', path, headers })
        expect([path, headers, answer.status]).toEqual([path, headers, 401])
      }
    // the same token, untouched, does work: the refusals above are about the token, not the route
    expect((await send({ baseUrl: app.baseUrl, method: 'GET', path: '/api/student-space/me', headers: { cookie: `korrigo-student=${valid}` } })).status).toBe(200)
  })
})
