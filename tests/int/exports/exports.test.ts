import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Config } from 'payload'

import { schoolPlugin } from '../../../examples/school-plugin'
import { startTestApp, type TestApp } from '../helpers/app'
import { apiClient, signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

let app: TestApp
let seed: Awaited<ReturnType<typeof seedClass>>
let admin: ApiClient
let alice: ApiClient

const download = async ({ client, path }: { client?: ApiClient; path: string }) => {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: client?.token ? { authorization: `JWT ${client.token}` } : {} })
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) }
}
const csvRows = (bytes: Uint8Array, delimiter: string) => parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, ''), { delimiter }) as string[][]

beforeAll(async () => {
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  const copy = seed.mathsReady.id
  expect((await alice.request('POST', '/api/grades', { copy, questionKey: 'Q1', points: 3.5 })).status).toBe(201)
  expect((await alice.request('POST', '/api/grades', { copy, questionKey: 'Q2', points: 4.75 })).status).toBe(201)
  expect((await alice.request('PATCH', `/api/copies/${copy}`, { status: 'finalized' })).status).toBe(200)
})

afterAll(async () => {
  await app?.close()
})

describe('results exports over HTTP', () => {
  const path = () => `/api/exports/exams/${seed.maths.id}`

  it('is for admins only', async () => {
    expect((await download({ client: alice, path: `${path()}?format=csv` })).status).toBe(403)
    expect([401, 403]).toContain((await download({ path: `${path()}?format=csv` })).status)
    expect((await alice.request('GET', '/api/exports/formats')).status).toBe(403)
  })

  it('downloads a CSV with the student’s name and accents intact', async () => {
    const response = await download({ client: admin, path: `${path()}?format=csv` })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toContain('.csv')
    expect([...response.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = csvRows(response.bytes, ';')
    expect(rows[0]).toEqual(['Numéro anonyme', 'Nom', 'Prénom', 'Classe', 'Exercice 1 (/4)', 'Exercice 2 (/5)', 'Q3 (/11)', 'Total (/20)', 'Note /20'])
    // the staging copy is not in the results; the ready-then-finalized one is
    expect(rows).toHaveLength(2)
    expect(rows[1]).toEqual([seed.mathsReady.anonymousId, "N'Diaye", 'Aïssatou', '3e B', '3,5', '4,75', '', '8,25', '8,25'])
  })

  it('downloads an Excel workbook and a Pronote file', async () => {
    const xlsx = await download({ client: admin, path: `${path()}?format=xlsx&columns=lastName,firstName,total` })
    expect(xlsx.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as never)
    const sheet = workbook.worksheets[0]
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nom', 'Prénom', 'Total (/20)'])
    expect(sheet.getRow(2).values).toEqual([undefined, "N'Diaye", 'Aïssatou', 8.25])
    const pronote = await download({ client: admin, path: `${path()}?format=pronote` })
    expect(csvRows(pronote.bytes, ';')).toEqual([['Nom', 'Prénom', 'Note'], ["N'Diaye", 'Aïssatou', '8,25']])
  })

  it('answers 400 for an unknown format or column, 404 for an unknown exam', async () => {
    expect((await download({ client: admin, path: `${path()}?format=docx` })).status).toBe(400)
    expect((await download({ client: admin, path: `${path()}?columns=shoeSize` })).status).toBe(400)
    expect((await download({ client: admin, path: `/api/exports/exams/999999?format=csv` })).status).toBe(404)
  })

  it('serves a format added by a school plugin, with its own rounding rule', async () => {
    schoolPlugin()({ collections: [] } as unknown as Config)
    const formats = await admin.request('GET', '/api/exports/formats')
    expect(formats.body.formats.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['csv', 'csv-comma', 'xlsx', 'pronote', 'ent']))
    const ent = await download({ client: admin, path: `${path()}?format=ent` })
    expect(ent.status).toBe(200)
    expect(new TextDecoder().decode(ent.bytes)).toBe("Classe,Nom,Prénom,Moyenne\n3e B,N'Diaye,Aïssatou,8.5\n")
  })

  it('exports in the background with the export-results job', async () => {
    const queued = await admin.request('POST', '/api/korrigo/jobs/export-results', { examId: seed.maths.id, format: 'xlsx' })
    expect(queued.status).toBe(202)
    const payload = app.runtime.payload
    const until = Date.now() + 60_000
    let found: { docs: unknown[] } = { docs: [] }
    while (Date.now() < until && !found.docs.length) {
      found = await payload.find({ collection: 'media', where: { and: [{ kind: { equals: 'export' } }, { exam: { equals: seed.maths.id } }] }, overrideAccess: true })
      if (!found.docs.length) await new Promise((r) => setTimeout(r, 200))
    }
    expect(found.docs).toHaveLength(1)
    expect((found.docs[0] as { filename: string }).filename).toMatch(/\.xlsx$/)
  })
  it('exports from the command line: korrigo export EXAM_ID --format pronote', async () => {
    const out = join(app.dataDir, 'pronote.csv')
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'cli/index.ts', 'export', String(seed.maths.id), '--format', 'pronote', '--out', out],
      { env: { ...process.env, DATABASE_URL: app.database.url, KORRIGO_DATA_DIR: app.dataDir, LOG_LEVEL: 'warn' }, timeout: 90_000 },
    )
    expect(stderr).toContain('1 copies')
    expect(csvRows(new Uint8Array(fs.readFileSync(out)), ';')).toEqual([['Nom', 'Prénom', 'Note'], ["N'Diaye", 'Aïssatou', '8,25']])
  })
  it('shows anonymous statistics to the exam’s correctors and admins, not to other teachers', async () => {
    const bob = await signIn({ baseUrl: app.baseUrl, email: 'bob@school.test', password: 'bob-password-1' })
    const stats = await alice.request('GET', `${path()}/statistics`)
    expect(stats.status).toBe(200)
    expect(stats.body).toMatchObject({ copies: 1, finalized: 1, outOf20: { count: 1, mean: 8.25 } })
    expect(JSON.stringify(stats.body)).not.toContain('Diaye')
    expect((await admin.request('GET', `${path()}/statistics`)).status).toBe(200)
    expect((await bob.request('GET', `${path()}/statistics`)).status).toBe(404)
  })

  // Last: the other tests count the exam's copies.
  it('leaves Total and Note empty for a copy not marked yet, in the CSV and the workbook (issue 15, point 7)', async () => {
    const payload = app.runtime.payload
    const waiting = await payload.create({ collection: 'copies', data: { exam: seed.maths.id, status: 'ready', pages: [{ sourcePage: 1, region: 'full', rotation: 0 }] } as never })
    try {
      const rows = csvRows((await download({ client: admin, path: `${path()}?format=csv` })).bytes, ';')
      const header = rows[0]!
      const row = rows.find((r) => r[0] === waiting.anonymousId)!
      expect(row[header.indexOf('Total (/20)')]).toBe('')
      expect(row[header.indexOf('Note /20')]).toBe('')
      // the marked copy keeps its numbers
      expect(rows.find((r) => r[0] === seed.mathsReady.anonymousId)!.slice(-2)).toEqual(['8,25', '8,25'])
      const xlsx = await download({ client: admin, path: `${path()}?format=xlsx&columns=anonymousId,total,outOf20` })
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(xlsx.bytes) as never)
      const line = workbook.worksheets[0]!.getRows(2, 2)!.find((r) => r.getCell(1).value === waiting.anonymousId)!
      expect([line.getCell(2).value, line.getCell(3).value]).toEqual([null, null])
    } finally {
      await payload.delete({ collection: 'copies', id: waiting.id })
    }
  })
})
