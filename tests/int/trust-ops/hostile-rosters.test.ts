import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { hostileRosters } from '../../fixtures/hostile/rosters'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

let app: TestApp
let admin: ApiClient
const corpus = hostileRosters()
const root = path.resolve(import.meta.dirname, '../../..')

const post = async (name: string, bytes: Uint8Array) => {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(bytes)], { type: 'text/csv' }), name)
  return admin.request('POST', '/api/identification/roster', form)
}

beforeAll(async () => {
  app = await startTestApp()
  await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
}, 300_000)

afterAll(async () => app?.close(), 420_000)

test('the corpus is large and varied', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(100)
  expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length)
  expect(new Set(corpus.map((c) => c.group)).size).toBeGreaterThanOrEqual(12)
})

describe.each(corpus.map((item) => [item.name, item] as const))('%s', (name, item) => {
  test(`${item.group}: ${item.expect.outcome}`, async () => {
    const response = await post(name, item.bytes())
    // Never a server error: a clear answer either way.
    expect(response.status).toBeLessThan(500)
    const expected = item.expect
    if (response.status === 200) {
      expect(expected.outcome).not.toBe('refused')
      const { created, updated, unchanged, errors } = response.body
      // Nothing lost: the good rows of a partly good file are saved; every rejected row says its line.
      const good = 'good' in expected ? (expected.good ?? 0) : 0
      expect(created + updated + unchanged).toBeGreaterThanOrEqual(good)
      for (const error of errors) {
        expect(error.line).toBeGreaterThanOrEqual(1)
        expect(typeof error.message).toBe('string')
        expect(error.message.length).toBeGreaterThan(3)
      }
    } else {
      expect(expected.outcome).not.toBe('imported')
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.body.errors?.[0]?.message).toEqual(expect.any(String))
      if (expected.outcome === 'refused') {
        expect(response.status).toBe(expected.status)
        if (expected.message) expect(response.body.errors[0].message).toMatch(expected.message)
      }
    }
  }, 120_000)
})

test('after the whole corpus, no stored name holds a NUL or a control character, and a normal import still works', async () => {
  const { docs } = await app.runtime.payload.find({ collection: 'students', limit: 0, pagination: false, overrideAccess: true, depth: 0 })
  for (const student of docs) expect(`${student.lastName}${student.firstName}${student.email ?? ''}`).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
  const ok = await post('normal.csv', new TextEncoder().encode('Nom;Prénom;Date de naissance\r\nNORMAL;Paul;01/02/2011\r\n'))
  expect(ok.status).toBe(200)
  expect(ok.body.created + ok.body.updated + ok.body.unchanged).toBe(1)
})

test('the command line refuses a 100,000-row file quickly, naming the limit', async () => {
  const file = path.join(app.dataDir, 'huge.csv')
  fs.writeFileSync(file, corpus.find((c) => c.name === '100k-rows.csv')!.bytes())
  const result = await new Promise<{ code: number; out: string }>((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'cli/index.ts'), 'import-roster', file], { cwd: root, env: { ...process.env, DATABASE_URL: app.database.url, KORRIGO_DATA_DIR: app.dataDir } })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('exit', (code) => resolve({ code: code ?? 1, out }))
  })
  expect(result.code).not.toBe(0)
  expect(result.out).toMatch(/lines, above the 5000-student limit for one import \(KORRIGO_ROSTER_MAX_ROWS\)/)
}, 600_000)
